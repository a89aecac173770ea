-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "firstAnsweredAt" TIMESTAMP(3),
ADD COLUMN     "promiseDueAt" TIMESTAMP(3),
ADD COLUMN     "promiseMinutes" INTEGER,
ADD COLUMN     "promiseRuleId" INTEGER,
ADD COLUMN     "promiseStage" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "RoutingRule" ADD COLUMN     "escalateKind" TEXT,
ADD COLUMN     "escalateSurface" TEXT,
ADD COLUMN     "escalateTo" TEXT,
ADD COLUMN     "promiseMinutes" INTEGER;

-- CreateIndex
CREATE INDEX "Question_promiseStage_promiseDueAt_idx" ON "Question"("promiseStage", "promiseDueAt");

