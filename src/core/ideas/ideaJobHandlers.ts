import type { JobHandlers } from "../outbox/jobHandlers";
import type { IdeaJob } from "./ideaJobs";
import { publishIdeaStatus } from "./publishIdeaStatus";
import { processReceivedIdeaStatus } from "./setIdeaStatus";

export const ideaJobHandlers: JobHandlers<IdeaJob> = {
  "idea.received": (deps, job) => processReceivedIdeaStatus(deps, job.actor, job.form),
  "community.ideaStatus": (deps, job) => publishIdeaStatus(deps, job.updateId),
};
