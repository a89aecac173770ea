-- HR's directory and employees' emails and departments for HR reports; who may see HR reports besides
-- ADVOCATE_HR_IDS, and the append-only audit of every report view and refusal.

-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "department" TEXT,
ADD COLUMN     "email" TEXT;

-- CreateTable
CREATE TABLE "HrGrant" (
    "userId" TEXT NOT NULL,
    "grantedBy" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HrGrant_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ReportAudit" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "department" TEXT,
    "allowed" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportAudit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Directory" (
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Directory_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE INDEX "ReportAudit_at_idx" ON "ReportAudit"("at");

-- CreateIndex
CREATE INDEX "Directory_department_idx" ON "Directory"("department");

-- CreateIndex
CREATE INDEX "Employee_department_idx" ON "Employee"("department");

-- CreateIndex
CREATE INDEX "Employee_email_idx" ON "Employee"("email");

