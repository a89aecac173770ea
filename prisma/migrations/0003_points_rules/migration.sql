-- An answer's fate on the community after publishing: accepted as the solution (how often), deleted.
ALTER TABLE "Answer" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "timesAccepted" INTEGER NOT NULL DEFAULT 0;

-- Point rules an admin changed; rules without a row keep their built-in default.
CREATE TABLE "PointRule" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointRule_pkey" PRIMARY KEY ("name")
);
