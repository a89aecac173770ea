import type { JobHandlers } from "../outbox/jobHandlers";
import type { ClaimJob } from "./claimJobs";
import { expireClaims } from "./claims";

export const claimJobHandlers: JobHandlers<ClaimJob> = {
  "claims.expire": async (deps) => `${await expireClaims(deps)} claims expired`,
};
