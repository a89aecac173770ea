// What each kind of durable work does: each feature registers its handlers here, one line each. The outbox
// worker calls this; it knows nothing of the transports.
import type { CoreDeps } from "../deps";
import type { OutboxMessage } from "./messages";
import type { JobHandler, JobHandlers } from "./jobHandlers";
import { accountJobHandlers } from "../accounts/accountJobHandlers";
import { answerJobHandlers } from "../answers/answerJobHandlers";
import { cardJobHandlers } from "../cards/cardJobHandlers";
import { claimJobHandlers } from "../claims/claimJobHandlers";
import { ideaJobHandlers } from "../ideas/ideaJobHandlers";
import { noticeJobHandlers } from "../notices/noticeJobHandlers";
import { homeJobHandlers } from "../points/homeJobHandlers";
import { promiseJobHandlers } from "../promises/promiseJobHandlers";
import { questionJobHandlers } from "../questions/questionJobHandlers";
import { storyJobHandlers } from "../stories/storyJobHandlers";
import { retentionJobHandlers } from "../personalData/retentionJobHandlers";

const handlers: JobHandlers<OutboxMessage> = {
  ...questionJobHandlers,
  ...cardJobHandlers,
  ...answerJobHandlers,
  ...ideaJobHandlers,
  ...accountJobHandlers,
  ...claimJobHandlers,
  ...storyJobHandlers,
  ...promiseJobHandlers,
  ...homeJobHandlers,
  ...noticeJobHandlers,
  ...retentionJobHandlers,
};

/** Returns a short outcome for the log; throws RetryableError/PermanentError for the worker to act on. */
export function handleOutboxMessage(deps: CoreDeps, message: OutboxMessage): Promise<string> {
  // The mapped type pairs each kind with its handler; TypeScript cannot follow that pairing through an index.
  const handle = handlers[message.kind] as JobHandler<OutboxMessage>;
  return handle(deps, message);
}
