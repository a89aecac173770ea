import type { JobHandlers } from "../outbox/jobHandlers";
import type { AccountJob } from "./accountJobs";
import { lookUpAccount } from "./linking";
import { verifyIdentityEmail } from "./identityEmail";

export const accountJobHandlers: JobHandlers<AccountJob> = {
  "account.lookup": (deps, job) => lookUpAccount(deps, job.employeeId, job.surface && job.userId ? { surface: job.surface, externalId: job.userId } : null),
  "account.verifyEmail": (deps, job) => verifyIdentityEmail(deps, { surface: job.surface, externalId: job.userId }),
};
