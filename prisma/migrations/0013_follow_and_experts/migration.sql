-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "experts" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Follow" (
    "employeeId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("employeeId","topic")
);

-- CreateIndex
CREATE INDEX "Follow_topic_idx" ON "Follow"("topic");

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

