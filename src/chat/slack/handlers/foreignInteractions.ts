// Buttons and forms that are not Advocate's (every id of ours starts with "advocate_") are acknowledged at
// once and dropped: left alone, Bolt would hold the request open for its 3-second unhandled timeout.
import type { App } from "@slack/bolt";

const OURS = /^advocate_/;

function foreignId(body: unknown): string | null {
  const request = body as { type?: string; actions?: Array<{ action_id?: unknown }>; view?: { callback_id?: unknown } };
  if (request.type === "block_actions") {
    const id = request.actions?.[0]?.action_id;
    return typeof id === "string" && OURS.test(id) ? null : String(id);
  }
  if (request.type === "view_submission" || request.type === "view_closed") {
    const id = request.view?.callback_id;
    return typeof id === "string" && OURS.test(id) ? null : String(id);
  }
  return null;
}

export function registerForeignInteractions(app: App, logger: { debug(obj: object, msg: string): void }): void {
  app.use(async ({ body, ack, next }) => {
    const id = foreignId(body);
    if (id === null) return next();
    logger.debug({ id }, "interaction that is not Advocate's acknowledged and dropped");
    await ack?.();
  });
}
