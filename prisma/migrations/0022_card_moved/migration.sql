-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "movedToChannelId" TEXT,
ADD COLUMN     "movedToSurface" TEXT;
