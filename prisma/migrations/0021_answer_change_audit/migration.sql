-- CreateTable
CREATE TABLE "AnswerChangeAudit" (
    "id" BIGSERIAL NOT NULL,
    "answerId" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "change" TEXT NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnswerChangeAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnswerChangeAudit_answerId_idx" ON "AnswerChangeAudit"("answerId");
