import type { Logger } from "pino";
import type { CoreDeps } from "../../../core/deps";

/** What every Slack handler needs: the core and a logger. */
export interface SlackHandlerContext {
  deps: CoreDeps;
  logger: Logger;
}
