import type { JobHandlers } from "../outbox/jobHandlers";
import type { PromiseJob } from "./promiseJobs";
import { checkPromises } from "./checkPromises";

export const promiseJobHandlers: JobHandlers<PromiseJob> = {
  "promises.check": (deps) => checkPromises(deps),
};
