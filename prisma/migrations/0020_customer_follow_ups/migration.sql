-- The customer's latest reply after an answer, shown on the card (status customer_replied).
ALTER TABLE "Question" ADD COLUMN "followUpBy" TEXT;
ALTER TABLE "Question" ADD COLUMN "followUpUrl" TEXT;
