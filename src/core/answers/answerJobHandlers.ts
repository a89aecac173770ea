import type { JobHandlers } from "../outbox/jobHandlers";
import type { AnswerJob } from "./answerJobs";
import { applyAnswerEdit, applyAnswerWithdrawal } from "./changeOnCommunity";
import { echoAnswerInThread, redrawEcho } from "./echoInThread";
import { publishAnswer } from "./publishAnswer";
import { processReceivedAnswer } from "./submitAnswer";
import { offerDraft } from "./replyDrafts";

export const answerJobHandlers: JobHandlers<AnswerJob> = {
  "answer.received": (deps, job) => processReceivedAnswer(deps, job.actor, job.form),
  "community.publishAnswer": (deps, job) => publishAnswer(deps, job.answerId),
  "chat.threadReply": (deps, job) => echoAnswerInThread(deps, job.cardId, job.answerId),
  "community.editAnswer": (deps, job) => applyAnswerEdit(deps, job),
  "community.withdrawAnswer": (deps, job) => applyAnswerWithdrawal(deps, job.answerId),
  "chat.threadReplyUpdate": (deps, job) => redrawEcho(deps, job.cardId, job.answerId),
  "chat.offerDraft": (deps, job) => offerDraft(deps, job.draftId),
};
