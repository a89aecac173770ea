-- CreateTable
CREATE TABLE "WallLink" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "WallLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WallLink_tokenHash_key" ON "WallLink"("tokenHash");
