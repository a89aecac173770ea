-- Customer stories shown in chat channels (never the same one twice in 30 days), and their schedules.
-- CreateTable
CREATE TABLE "Story" (
    "id" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "promptIndex" INTEGER NOT NULL,
    "runKey" TEXT,
    "messageRef" TEXT,
    "shownAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StorySchedule" (
    "id" SERIAL NOT NULL,
    "surface" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "days" TEXT[],
    "time" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StorySchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Story_runKey_key" ON "Story"("runKey");

-- CreateIndex
CREATE INDEX "Story_surface_channelId_shownAt_idx" ON "Story"("surface", "channelId", "shownAt");

-- CreateIndex
CREATE INDEX "StorySchedule_surface_channelId_idx" ON "StorySchedule"("surface", "channelId");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

