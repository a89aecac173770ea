-- CreateTable
CREATE TABLE "ActionAudit" (
    "id" BIGSERIAL NOT NULL,
    "surface" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "detail" TEXT,
    "allowed" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActionAudit_at_idx" ON "ActionAudit"("at");
