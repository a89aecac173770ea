-- Charities employees pick for their points, the company's donation terms, and the append-only payout audit.
-- CreateTable
CREATE TABLE "Charity" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "Charity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharityPick" (
    "id" BIGSERIAL NOT NULL,
    "employeeId" TEXT NOT NULL,
    "charityId" INTEGER NOT NULL,
    "pickedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharityPick_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharityTerms" (
    "id" BIGSERIAL NOT NULL,
    "defaultCharityId" INTEGER,
    "microEurosPerPoint" INTEGER,
    "quarterBudgetCents" INTEGER,
    "setBy" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharityTerms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharityPayout" (
    "id" BIGSERIAL NOT NULL,
    "charityId" INTEGER NOT NULL,
    "quarter" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidBy" TEXT NOT NULL,
    "paidAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharityPayout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CharityPick_employeeId_pickedAt_idx" ON "CharityPick"("employeeId", "pickedAt");

-- CreateIndex
CREATE INDEX "CharityTerms_setAt_idx" ON "CharityTerms"("setAt");

-- CreateIndex
CREATE UNIQUE INDEX "CharityPayout_charityId_quarter_key" ON "CharityPayout"("charityId", "quarter");

-- AddForeignKey
ALTER TABLE "CharityPick" ADD CONSTRAINT "CharityPick_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharityPick" ADD CONSTRAINT "CharityPick_charityId_fkey" FOREIGN KEY ("charityId") REFERENCES "Charity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharityTerms" ADD CONSTRAINT "CharityTerms_defaultCharityId_fkey" FOREIGN KEY ("defaultCharityId") REFERENCES "Charity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharityPayout" ADD CONSTRAINT "CharityPayout_charityId_fkey" FOREIGN KEY ("charityId") REFERENCES "Charity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

