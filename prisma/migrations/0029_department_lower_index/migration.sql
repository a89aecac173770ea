-- Every department filter compares in any case, lower(department) = lower($1): the leaderboard of a department, the
-- report's figures, its known people and the small-group rule. Without an index on that expression PostgreSQL has no
-- statistics for it and guesses a department to hold a fraction of a percent of the people; at 150,000 employees it
-- then sorted a department's whole month instead of walking the month's top of the roll-up, and counted a
-- department's directory rows by reading all of them (bench/console/PLANS.md has the plans before and after).
CREATE INDEX "Employee_lower_department_idx" ON "Employee" (lower("department"));
CREATE INDEX "Directory_lower_department_idx" ON "Directory" (lower("department"));
