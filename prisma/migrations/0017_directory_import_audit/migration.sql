-- CreateTable
CREATE TABLE "DirectoryImport" (
    "id" BIGSERIAL NOT NULL,
    "importedBy" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "imported" INTEGER NOT NULL,
    "problems" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectoryImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DirectoryImport_at_idx" ON "DirectoryImport"("at");
