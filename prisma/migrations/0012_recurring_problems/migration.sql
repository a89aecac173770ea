-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "problemGroupId" INTEGER;

-- AlterTable
ALTER TABLE "ChannelSetting" ADD COLUMN     "isProblems" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProblemGroup" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "keywords" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "alertedAt" TIMESTAMP(3),

    CONSTRAINT "ProblemGroup_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_problemGroupId_fkey" FOREIGN KEY ("problemGroupId") REFERENCES "ProblemGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

