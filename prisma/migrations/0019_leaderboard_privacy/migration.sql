-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "hiddenOnLeaderboards" BOOLEAN NOT NULL DEFAULT false;
