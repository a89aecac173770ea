-- AlterTable
ALTER TABLE "OutboxItem" ADD COLUMN     "starts" INTEGER NOT NULL DEFAULT 0;
