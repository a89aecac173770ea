-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "echoStartedAt" TIMESTAMP(3);

