// Table 3: bursts against the real ceilings. New questions routed over 10 Slack channels that each take one
// message a second (the ceiling is 600 cards a minute), and answers published to a Discourse that takes 60 API
// requests a minute. Counted from what the stand-ins accepted: delivered per minute against the ceiling, lost
// (never delivered) and duplicated (delivered twice).
import type { SlackMessage } from "../../demo/standIns/slackApi";
import { CHANNELS, priya, type World } from "../support/world";
import { answerForm, linkPriya, newQuestion, publishedByPriya, slackCards } from "./setup";

const SLACK_CEILING_PER_MINUTE = CHANNELS.length * 60;
const DISCOURSE_CEILING_PER_MINUTE = 60;

async function until(done: () => boolean, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return Date.now();
}

function row(what: string, sent: number, unique: number, total: number, minutes: number, ceiling: number) {
  const perMinute = unique / minutes;
  return { burst: what, sent, "delivered/min": Math.round(perMinute), ceiling, "of ceiling": Number((perMinute / ceiling).toFixed(3)), lost: sent - unique, duplicated: total - unique };
}

export async function burstQuestions(world: World, count: number) {
  const before = new Set(slackCards(world).keys());
  const fresh = () => [...slackCards(world)].filter(([cardId]) => !before.has(cardId));
  const started = Date.now();
  for (let i = 0; i < count; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, count - i) }, (_, j) => newQuestion(world, i + j)));
  }
  // The slowest channel gets count/10 cards, one a second; allow a minute on top.
  const finished = await until(() => fresh().length >= count, ((count / CHANNELS.length) * 1000) + 60_000);
  const cards = fresh();
  const total = cards.reduce((sum, [, posts]) => sum + posts.length, 0);
  return {
    row: row(`${count} questions → 10 Slack channels`, count, cards.length, total, (finished - started) / 60_000, SLACK_CEILING_PER_MINUTE),
    cards: cards.map(([, posts]) => posts[0]).filter((message): message is SlackMessage => Boolean(message)),
  };
}

export async function burstAnswers(world: World, appUrl: string, cards: SlackMessage[], count: number) {
  const { slack } = world.senders(appUrl);
  await linkPriya(world, appUrl);
  const published = publishedByPriya(world);
  const chosen = cards.slice(0, count);
  const started = Date.now();
  for (const [i, card] of chosen.entries()) {
    const form = answerForm(card, `V0ANSWER${i}`);
    const reply = await slack.submitView(priya, form.view, form.values);
    if (reply.status !== 200 || reply.json) throw new Error(`answer ${i} refused: ${reply.status} ${JSON.stringify(reply.json)}`);
  }
  const finished = await until(() => published.size >= chosen.length, ((chosen.length / DISCOURSE_CEILING_PER_MINUTE) * 60_000) + 120_000);
  const total = [...published.values()].reduce((sum, n) => sum + n, 0);
  return row(`${chosen.length} answers → Discourse`, chosen.length, published.size, total, (finished - started) / 60_000, DISCOURSE_CEILING_PER_MINUTE);
}
