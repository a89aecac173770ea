// Every kind of durable work the core asks for, registered here by its feature: one line each. Payloads are
// validated against these schemas when enqueued (their types) and again when read back from storage.
import { z } from "zod";
import { accountJobs } from "../accounts/accountJobs";
import { answerJobs } from "../answers/answerJobs";
import { cardJobs } from "../cards/cardJobs";
import { claimJobs } from "../claims/claimJobs";
import { ideaJobs } from "../ideas/ideaJobs";
import { noticeJobs } from "../notices/noticeJobs";
import { homeJobs } from "../points/homeJobs";
import { promiseJobs } from "../promises/promiseJobs";
import { questionJobs } from "../questions/questionJobs";
import { storyJobs } from "../stories/storyJobs";
import { retentionJobs } from "../personalData/retentionJobs";

export const outboxMessageSchema = z.discriminatedUnion("kind", [
  ...questionJobs,
  ...cardJobs,
  ...answerJobs,
  ...ideaJobs,
  ...accountJobs,
  ...claimJobs,
  ...storyJobs,
  ...promiseJobs,
  ...homeJobs,
  ...noticeJobs,
  ...retentionJobs,
]);
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
