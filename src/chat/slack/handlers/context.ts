import type { Logger } from "pino";
import type { CoreDeps } from "../../../core/deps";

/** What every Slack handler needs: the core, who the admins are, and a logger. */
export interface SlackHandlerContext {
  deps: CoreDeps;
  adminIds: ReadonlySet<string>;
  logger: Logger;
}
