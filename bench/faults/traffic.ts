// Traffic that behaves like the real senders when the app is down or failing: Discourse redelivers a webhook
// until it gets a 2xx; an employee whose answer form failed submits it again (the same view, the same answer).
import type { SlackMessage } from "../../demo/standIns/slackApi";
import { priya, type World } from "../support/world";
import { answerForm, benchTag, newQuestion } from "../tables/setup";

const REDELIVER_MS = 250;
const GIVE_UP_MS = 180_000;

/** Repeats `attempt` until it answers `ok`; a refused connection or a 5xx is simply tried again. */
async function persist<T>(what: string, attempt: () => Promise<T>, ok: (result: T) => boolean): Promise<number> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (let tries = 1; ; tries++) {
    const result = await attempt().catch(() => null);
    if (result !== null && ok(result)) return tries;
    if (Date.now() > deadline) throw new Error(`${what}: no success after ${tries} tries in ${GIVE_UP_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, REDELIVER_MS));
  }
}

export interface Sent {
  /** Deliveries that needed more than one try (the app was down or failing). */
  retried: number;
}

/** A new question on the community, its webhooks redelivered until the app takes them. */
export async function askPersistently(
  world: World,
  channelIndex: number,
  emit: (event: string, body: Record<string, unknown>) => Promise<{ status: number }>,
  sent: Sent,
): Promise<number> {
  return newQuestion(world, benchTag(channelIndex), async (event, body) => {
    const tries = await persist(
      `webhook ${event}`,
      () => emit(event, body),
      (reply) => reply.status >= 200 && reply.status < 300,
    );
    if (tries > 1) sent.retried++;
  });
}

/** Priya answers a card; the form is submitted again until the app acknowledges it without errors. */
export async function answerPersistently(world: World, appUrl: () => string, card: SlackMessage, viewId: string, sent: Sent): Promise<void> {
  const form = answerForm(card, viewId);
  const tries = await persist(
    `answer ${viewId}`,
    () => world.senders(appUrl()).slack.submitView(priya, form.view, form.values),
    (reply) => {
      if (reply.status === 200 && reply.json?.response_action === "errors") throw new Error(`answer ${viewId} refused: ${JSON.stringify(reply.json)}`);
      return reply.status === 200;
    },
  );
  if (tries > 1) sent.retried++;
}
