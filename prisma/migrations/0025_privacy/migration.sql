-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "forgottenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PrivacyAudit" (
    "id" BIGSERIAL NOT NULL,
    "action" TEXT NOT NULL,
    "byEmployeeId" TEXT NOT NULL,
    "aboutEmployeeId" TEXT NOT NULL,
    "pseudonym" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrivacyAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PrivacyAudit_aboutEmployeeId_idx" ON "PrivacyAudit"("aboutEmployeeId");

-- Retention sweeps: processed events and finished outbox rows by age.
CREATE INDEX "InboundEvent_processedAt_idx" ON "InboundEvent"("processedAt");
CREATE INDEX "OutboxItem_status_doneAt_idx" ON "OutboxItem"("status", "doneAt");
