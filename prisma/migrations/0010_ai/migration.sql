-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "aiConfidence" DOUBLE PRECISION,
ADD COLUMN     "aiOutcome" TEXT,
ADD COLUMN     "sentiment" TEXT,
ADD COLUMN     "summaries" JSONB,
ADD COLUMN     "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "urgency" TEXT;

-- CreateTable
CREATE TABLE "AiCall" (
    "id" BIGSERIAL NOT NULL,
    "community" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "promptTokens" INTEGER NOT NULL,
    "completionTokens" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AiCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunitySetting" (
    "community" TEXT NOT NULL,
    "aiEnabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommunitySetting_pkey" PRIMARY KEY ("community")
);

-- CreateIndex
CREATE INDEX "AiCall_at_idx" ON "AiCall"("at");

