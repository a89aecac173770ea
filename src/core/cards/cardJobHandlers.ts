import type { JobHandlers } from "../outbox/jobHandlers";
import type { CardJob } from "./cardJobs";
import { postCard, refreshCard } from "./renderCard";

export const cardJobHandlers: JobHandlers<CardJob> = {
  "chat.postCard": async (deps, job) => {
    await postCard(deps, job.cardId);
    return "card posted";
  },
  "chat.refreshCard": async (deps, job) => {
    await refreshCard(deps, job.cardId);
    return "card refreshed";
  },
};
