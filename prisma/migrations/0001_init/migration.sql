-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "InboundEvent" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "businessKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "InboundEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL,
    "community" TEXT NOT NULL,
    "topicId" INTEGER NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "bodyText" TEXT,
    "authorUsername" TEXT,
    "authorName" TEXT,
    "categoryId" INTEGER,
    "categorySlug" TEXT,
    "tags" TEXT[],
    "hasTopicFacts" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT,
    "kind" TEXT,
    "url" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "routedAt" TIMESTAMP(3),
    "answeredBy" TEXT,
    "answeredUrl" TEXT,
    "claimedById" TEXT,
    "claimExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Card" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "messageRef" TEXT,
    "routedBy" TEXT NOT NULL,
    "passedOnBy" TEXT,
    "passedOnNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employee" (
    "id" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "displayName" TEXT,
    "locale" TEXT,
    "communityUsername" TEXT,
    "communityUserId" INTEGER,
    "linkedAt" TIMESTAMP(3),
    "offeredUsername" TEXT,
    "offeredUserId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "cardId" TEXT,
    "submissionKey" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "postedAs" TEXT NOT NULL,
    "communityPostId" INTEGER,
    "postUrl" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointAward" (
    "id" BIGSERIAL NOT NULL,
    "employeeId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" SERIAL NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "surface" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "categories" TEXT[],
    "tags" TEXT[],
    "keywords" TEXT[],
    "languages" TEXT[],
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelSetting" (
    "surface" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "locale" TEXT,
    "isFallback" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ChannelSetting_pkey" PRIMARY KEY ("surface","channelId")
);

-- CreateTable
CREATE TABLE "OutboxItem" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "lane" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "OutboxItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxLane" (
    "name" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lockedBy" TEXT,

    CONSTRAINT "OutboxLane_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Cursor" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cursor_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundEvent_source_deliveryId_key" ON "InboundEvent"("source", "deliveryId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundEvent_source_businessKey_key" ON "InboundEvent"("source", "businessKey");

-- CreateIndex
CREATE UNIQUE INDEX "Question_community_topicId_key" ON "Question"("community", "topicId");

-- CreateIndex
CREATE UNIQUE INDEX "Card_questionId_surface_channelId_key" ON "Card"("questionId", "surface", "channelId");

-- CreateIndex
CREATE INDEX "Employee_communityUsername_idx" ON "Employee"("communityUsername");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_surface_externalId_key" ON "Employee"("surface", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_submissionKey_key" ON "Answer"("submissionKey");

-- CreateIndex
CREATE INDEX "Answer_questionId_idx" ON "Answer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "PointAward_sourceKey_key" ON "PointAward"("sourceKey");

-- CreateIndex
CREATE INDEX "PointAward_occurredAt_employeeId_idx" ON "PointAward"("occurredAt", "employeeId");

-- CreateIndex
CREATE INDEX "PointAward_employeeId_occurredAt_idx" ON "PointAward"("employeeId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxItem_dedupeKey_key" ON "OutboxItem"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxItem_lane_status_id_idx" ON "OutboxItem"("lane", "status", "id");

-- CreateIndex
CREATE INDEX "OutboxItem_status_nextAttemptAt_idx" ON "OutboxItem"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointAward" ADD CONSTRAINT "PointAward_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

