-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "ideaStatus" TEXT,
ADD COLUMN     "ideaStatusAt" TIMESTAMP(3),
ADD COLUMN     "ideaStatusBy" TEXT;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "aiAssisted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "IdeaUpdate" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "reason" TEXT,
    "submissionKey" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "postedAs" TEXT NOT NULL,
    "communityPostId" INTEGER,
    "postUrl" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "IdeaUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IdeaUpdate_submissionKey_key" ON "IdeaUpdate"("submissionKey");

-- CreateIndex
CREATE INDEX "IdeaUpdate_questionId_postedAs_state_idx" ON "IdeaUpdate"("questionId", "postedAs", "state");

-- AddForeignKey
ALTER TABLE "IdeaUpdate" ADD CONSTRAINT "IdeaUpdate_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaUpdate" ADD CONSTRAINT "IdeaUpdate_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

