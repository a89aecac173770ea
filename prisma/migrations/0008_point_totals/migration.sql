-- Leaderboard roll-up: per employee and period ("all", "week:2026-W48", "month:2026-11", "quarter:2026-Q4"),
-- periods cut in the company's timezone (PointTotalZone), kept by a trigger so no writer can forget it.

-- CreateTable
CREATE TABLE "PointTotal" (
    "period" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,

    CONSTRAINT "PointTotal_pkey" PRIMARY KEY ("period","employeeId")
);

-- CreateTable
CREATE TABLE "PointTotalZone" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "zone" TEXT NOT NULL,

    CONSTRAINT "PointTotalZone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PointTotal_period_points_idx" ON "PointTotal"("period", "points" DESC);

-- The periods an award counts in; "occurredAt" is UTC without zone. Must match src/core/points/periods.ts periodKey.
CREATE FUNCTION advocate_point_periods(at timestamp, zone text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY[
    'all',
    'week:' || to_char((at AT TIME ZONE 'UTC') AT TIME ZONE zone, 'IYYY-"W"IW'),
    'month:' || to_char((at AT TIME ZONE 'UTC') AT TIME ZONE zone, 'YYYY-MM'),
    'quarter:' || to_char((at AT TIME ZONE 'UTC') AT TIME ZONE zone, 'YYYY-"Q"Q')
  ]
$$;

CREATE FUNCTION advocate_point_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone text := (SELECT z.zone FROM "PointTotalZone" z WHERE z.id = 1);
BEGIN
  -- No zone yet: the totals are built from the whole ledger when the app starts (advocate_point_totals_zone).
  IF zone IS NOT NULL THEN
    INSERT INTO "PointTotal" (period, "employeeId", points)
    SELECT period, NEW."employeeId", NEW.points FROM unnest(advocate_point_periods(NEW."occurredAt", zone)) AS period
    ON CONFLICT (period, "employeeId") DO UPDATE SET points = "PointTotal".points + EXCLUDED.points;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "PointAward_totals" AFTER INSERT ON "PointAward" FOR EACH ROW EXECUTE FUNCTION advocate_point_totals_add();

-- Cuts the totals in `wanted` unless they already are: rebuilt from the ledger, under a lock, once per change.
CREATE FUNCTION advocate_point_totals_zone(wanted text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT zone FROM "PointTotalZone" WHERE id = 1) IS NOT DISTINCT FROM wanted THEN
    RETURN false;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('advocate:point-totals'));
  IF (SELECT zone FROM "PointTotalZone" WHERE id = 1) IS NOT DISTINCT FROM wanted THEN
    RETURN false;
  END IF;
  LOCK TABLE "PointAward" IN SHARE MODE;
  DELETE FROM "PointTotal";
  INSERT INTO "PointTotal" (period, "employeeId", points)
  SELECT period, a."employeeId", SUM(a.points) FROM "PointAward" a, unnest(advocate_point_periods(a."occurredAt", wanted)) AS period
  GROUP BY period, a."employeeId";
  INSERT INTO "PointTotalZone" (id, zone) VALUES (1, wanted) ON CONFLICT (id) DO UPDATE SET zone = EXCLUDED.zone;
  RETURN true;
END
$$;
