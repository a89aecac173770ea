-- Cards remember that a post was attempted, so a retry after a crash looks before posting again.
ALTER TABLE "Card" ADD COLUMN "postStartedAt" TIMESTAMP(3);

-- A routing rule may target several channels, on Slack and Teams alike.
CREATE TABLE "RoutingTarget" (
    "ruleId" INTEGER NOT NULL,
    "surface" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,

    CONSTRAINT "RoutingTarget_pkey" PRIMARY KEY ("ruleId","surface","channelId")
);
ALTER TABLE "RoutingTarget" ADD CONSTRAINT "RoutingTarget_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "RoutingRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Existing rules keep their one channel as their first target.
INSERT INTO "RoutingTarget" ("ruleId", "surface", "channelId") SELECT "id", "surface", "channelId" FROM "RoutingRule";
ALTER TABLE "RoutingRule" DROP COLUMN "channelId",
DROP COLUMN "surface";

-- How a chat surface reaches a channel or a person later (Teams conversation references).
CREATE TABLE "ChatAddress" (
    "surface" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatAddress_pkey" PRIMARY KEY ("surface","kind","externalId")
);
