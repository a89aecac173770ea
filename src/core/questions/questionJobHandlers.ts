import type { JobHandlers } from "../outbox/jobHandlers";
import type { QuestionJob } from "./questionJobs";
import { ingestCommunityEvent } from "./ingestCommunityEvent";
import { pollCommunity } from "./pollCommunity";
import { fetchTopic, routeQuestion } from "./routeQuestion";
import { rerouteQuestion } from "./rerouteQuestion";

export const questionJobHandlers: JobHandlers<QuestionJob> = {
  "community.event": async (deps, job) => {
    await ingestCommunityEvent(deps, job.inboundId, job.event);
    return "ingested";
  },
  "community.fetchTopic": (deps, job) => fetchTopic(deps, job.questionId),
  "community.poll": (deps) => pollCommunity(deps),
  "question.route": (deps, job) => routeQuestion(deps, job.questionId),
  "question.reroute": (deps, job) => rerouteQuestion(deps, job.questionId),
};
