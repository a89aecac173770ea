import type { JobHandlers } from "../outbox/jobHandlers";
import type { AnswerJob } from "./answerJobs";
import { echoAnswerInThread } from "./echoInThread";
import { publishAnswer } from "./publishAnswer";
import { processReceivedAnswer } from "./submitAnswer";

export const answerJobHandlers: JobHandlers<AnswerJob> = {
  "answer.received": (deps, job) => processReceivedAnswer(deps, job.actor, job.form),
  "community.publishAnswer": (deps, job) => publishAnswer(deps, job.answerId),
  "chat.threadReply": (deps, job) => echoAnswerInThread(deps, job.cardId, job.answerId),
};
