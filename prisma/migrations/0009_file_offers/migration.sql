-- CreateTable
CREATE TABLE "FileOffer" (
    "id" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "FileOffer_pkey" PRIMARY KEY ("id")
);

