-- One person, not an account: an Employee is a person with one or more chat identities (Slack, Teams), matched by
-- the verified work email each identity's chat profile gives. Merging two persons is one function, used by the app
-- and by this migration alike, so both follow the same rules.

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "surface" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "email" TEXT,
    "emailSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("surface","externalId")
);

-- CreateTable
CREATE TABLE "EmployeeMerge" (
    "id" BIGSERIAL NOT NULL,
    "survivorId" TEXT NOT NULL,
    "mergedId" TEXT NOT NULL,
    "email" TEXT,
    "reason" TEXT NOT NULL,
    "conflicts" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmployeeMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatIdentity_employeeId_idx" ON "ChatIdentity"("employeeId");
CREATE INDEX "ChatIdentity_email_idx" ON "ChatIdentity"("email");
CREATE INDEX "EmployeeMerge_mergedId_idx" ON "EmployeeMerge"("mergedId");

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every employee so far is one identity: their own.
INSERT INTO "ChatIdentity" (surface, "externalId", "employeeId", email, "emailSeenAt", "createdAt")
SELECT surface, "externalId", id, email, CASE WHEN email IS NULL THEN NULL ELSE "createdAt" END, "createdAt" FROM "Employee";

-- Moves everything of `merged_id` to `survivor_id` and deletes it, in the caller's transaction. Returns the conflicts
-- (two community links, two charity picks): the most recent is kept. Rows that always point at an employee move;
-- the point totals are added up once here, as moving PointAward rows fires no trigger (it adds on insert only).
CREATE FUNCTION advocate_merge_employees(survivor_id text, merged_id text, merge_email text, merge_reason text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  s "Employee"%ROWTYPE;
  m "Employee"%ROWTYPE;
  found_conflicts jsonb := '[]'::jsonb;
  s_pick record;
  m_pick record;
  take_link boolean;
BEGIN
  -- Both rows locked, in id order (two merges of one pair never deadlock); an award or answer being written for
  -- either waits for the merge, as its foreign key check needs the row.
  PERFORM 1 FROM "Employee" e WHERE e.id IN (survivor_id, merged_id) ORDER BY e.id FOR UPDATE;
  SELECT * INTO s FROM "Employee" e WHERE e.id = survivor_id;
  SELECT * INTO m FROM "Employee" e WHERE e.id = merged_id;
  IF s.id IS NULL OR m.id IS NULL OR s.id = m.id THEN
    RETURN NULL;
  END IF;

  -- Community link: the survivor's, unless only the merged person has one or theirs is the more recent.
  take_link := m."communityUsername" IS NOT NULL AND (s."communityUsername" IS NULL OR COALESCE(m."linkedAt", 'epoch') > COALESCE(s."linkedAt", 'epoch'));
  IF s."communityUsername" IS NOT NULL AND m."communityUsername" IS NOT NULL AND s."communityUsername" <> m."communityUsername" THEN
    found_conflicts := found_conflicts || jsonb_build_object(
      'kind', 'community_link',
      'kept', CASE WHEN take_link THEN m."communityUsername" ELSE s."communityUsername" END,
      'dropped', CASE WHEN take_link THEN s."communityUsername" ELSE m."communityUsername" END);
  END IF;

  -- Charity: picks are a history, so both move and the latest one is in force; two different ones are a conflict.
  SELECT p."charityId", p."pickedAt", p.id, c.name INTO s_pick FROM "CharityPick" p JOIN "Charity" c ON c.id = p."charityId"
    WHERE p."employeeId" = survivor_id ORDER BY p."pickedAt" DESC, p.id DESC LIMIT 1;
  SELECT p."charityId", p."pickedAt", p.id, c.name INTO m_pick FROM "CharityPick" p JOIN "Charity" c ON c.id = p."charityId"
    WHERE p."employeeId" = merged_id ORDER BY p."pickedAt" DESC, p.id DESC LIMIT 1;
  IF s_pick."charityId" IS NOT NULL AND m_pick."charityId" IS NOT NULL AND s_pick."charityId" <> m_pick."charityId" THEN
    found_conflicts := found_conflicts || CASE WHEN (m_pick."pickedAt", m_pick.id) > (s_pick."pickedAt", s_pick.id)
      THEN jsonb_build_object('kind', 'charity', 'kept', m_pick.name, 'dropped', s_pick.name)
      ELSE jsonb_build_object('kind', 'charity', 'kept', s_pick.name, 'dropped', m_pick.name) END;
  END IF;

  INSERT INTO "PointTotal" (period, "employeeId", points)
  SELECT t.period, survivor_id, t.points FROM "PointTotal" t WHERE t."employeeId" = merged_id
  ON CONFLICT (period, "employeeId") DO UPDATE SET points = "PointTotal".points + EXCLUDED.points;
  DELETE FROM "PointTotal" t WHERE t."employeeId" = merged_id;
  UPDATE "PointAward" SET "employeeId" = survivor_id WHERE "employeeId" = merged_id;
  UPDATE "Answer" SET "employeeId" = survivor_id WHERE "employeeId" = merged_id;
  UPDATE "IdeaUpdate" SET "employeeId" = survivor_id WHERE "employeeId" = merged_id;
  UPDATE "Question" SET "claimedById" = survivor_id WHERE "claimedById" = merged_id;
  UPDATE "CharityPick" SET "employeeId" = survivor_id WHERE "employeeId" = merged_id;
  UPDATE "ReplyDraft" SET "employeeId" = survivor_id WHERE "employeeId" = merged_id;
  INSERT INTO "Follow" ("employeeId", topic, "createdAt")
  SELECT survivor_id, f.topic, f."createdAt" FROM "Follow" f WHERE f."employeeId" = merged_id
  ON CONFLICT ("employeeId", topic) DO NOTHING;
  DELETE FROM "Follow" f WHERE f."employeeId" = merged_id;
  UPDATE "ChatIdentity" SET "employeeId" = survivor_id WHERE "employeeId" = merged_id;

  UPDATE "Employee" SET
    "displayName" = COALESCE(s."displayName", m."displayName"),
    locale = COALESCE(s.locale, m.locale),
    email = COALESCE(s.email, m.email),
    department = COALESCE(s.department, m.department),
    "communityUsername" = CASE WHEN take_link THEN m."communityUsername" ELSE s."communityUsername" END,
    "communityUserId" = CASE WHEN take_link THEN m."communityUserId" ELSE s."communityUserId" END,
    "linkedAt" = CASE WHEN take_link THEN m."linkedAt" ELSE s."linkedAt" END,
    "offeredUsername" = CASE WHEN s."offeredUsername" IS NULL THEN m."offeredUsername" ELSE s."offeredUsername" END,
    "offeredUserId" = CASE WHEN s."offeredUsername" IS NULL THEN m."offeredUserId" ELSE s."offeredUserId" END,
    -- Hidden on either surface is hidden: the person asked for it.
    "hiddenOnLeaderboards" = s."hiddenOnLeaderboards" OR m."hiddenOnLeaderboards"
  WHERE id = survivor_id;
  DELETE FROM "Employee" WHERE id = merged_id;

  INSERT INTO "EmployeeMerge" ("survivorId", "mergedId", email, reason, conflicts) VALUES (survivor_id, merged_id, merge_email, merge_reason, found_conflicts);
  RETURN found_conflicts;
END
$$;

-- Today's duplicates: the same work email on several employees merges into the oldest (then the lowest id).
DO $$
DECLARE
  pair record;
BEGIN
  FOR pair IN
    SELECT first_value(e.id) OVER (PARTITION BY e.email ORDER BY e."createdAt", e.id) AS survivor, e.id AS merged, e.email
    FROM "Employee" e WHERE e.email IS NOT NULL
    ORDER BY e.email, e."createdAt", e.id
  LOOP
    IF pair.survivor <> pair.merged THEN
      PERFORM advocate_merge_employees(pair.survivor, pair.merged, pair.email, 'migration');
    END IF;
  END LOOP;
END
$$;
