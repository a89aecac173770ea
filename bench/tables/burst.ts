// Table 3: bursts against the real ceilings. New questions routed over 10 Slack channels that each take one
// message a second (the ceiling is 600 cards a minute), and answers published to a Discourse that takes 60 API
// requests a minute. Counted from what the stand-ins accepted: delivered per minute against the ceiling, late
// (delivered after the burst's time was up, within LATE_GRACE_MS more), lost (never delivered) and duplicated
// (delivered twice).
import { waitFor } from "../../demo/standIns/http";
import type { SlackMessage } from "../../demo/standIns/slackApi";
import type { TeamsPost } from "../../demo/standIns/botFramework";
import { SUPPORT_TEAM } from "../../demo/teamsStory";
import { CHANNELS, priya, sanne, type World } from "../support/world";
import { answerForm, benchTag, linkPriya, newQuestion, publishedByPriya, slackCards } from "./setup";

const SLACK_CEILING_PER_MINUTE = CHANNELS.length * 60;
const DISCOURSE_CEILING_PER_MINUTE = 60;
/** Teams' tightest sustained window for a bot in one thread: 60 messages in 30 seconds. */
const TEAMS_CEILING_PER_MINUTE = 120;
/** How long a burst that ran out of time is still watched, to tell a late delivery from a lost one. */
const LATE_GRACE_MS = 120_000;

async function until(done: () => boolean, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return Date.now();
}

/** Waits out the grace for what the time-up left undelivered; returns how many of it arrived meanwhile. */
async function late(sent: number, delivered: () => number): Promise<number> {
  const inTime = delivered();
  if (inTime >= sent) return 0;
  await until(() => delivered() >= sent, LATE_GRACE_MS);
  return delivered() - inTime;
}

function row(what: string, sent: number, unique: number, total: number, minutes: number, ceiling: number, lateCount: number) {
  const perMinute = unique / minutes;
  return {
    burst: what,
    sent,
    "delivered/min": Math.round(perMinute),
    ceiling,
    "of ceiling": Number((perMinute / ceiling).toFixed(3)),
    late: lateCount,
    lost: sent - unique - lateCount,
    duplicated: total - unique,
  };
}

/**
 * `count` new questions, 20 at a time (question i tagged `tag(i)`), until as many new cards as questions arrived
 * (`cardsOf` tells them apart, each with every post of it) or the time is up; the busiest of `channels` gets
 * count/channels cards, about one a second, and a minute on top.
 */
async function questionBurst<K, P>(world: World, count: number, channels: number, tag: (i: number) => string, cardsOf: () => Map<K, P[]>) {
  const before = new Set(cardsOf().keys());
  const fresh = () => [...cardsOf()].filter(([key]) => !before.has(key));
  const started = Date.now();
  for (let i = 0; i < count; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, count - i) }, (_, j) => newQuestion(world, tag(i + j))));
  }
  const finished = await until(() => fresh().length >= count, (count / channels) * 1000 + 60_000);
  const cards = fresh();
  const total = cards.reduce((sum, [, posts]) => sum + posts.length, 0);
  return { cards, total, minutes: (finished - started) / 60_000, late: await late(count, () => fresh().length) };
}

export async function burstQuestions(world: World, count: number) {
  const { cards, total, minutes, late: lateCount } = await questionBurst(world, count, CHANNELS.length, benchTag, () => slackCards(world));
  return {
    row: row(`${count} questions → 10 Slack channels`, count, cards.length, total, minutes, SLACK_CEILING_PER_MINUTE, lateCount),
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
  const finished = await until(() => published.size >= chosen.length, (chosen.length / DISCOURSE_CEILING_PER_MINUTE) * 60_000 + 120_000);
  const unique = published.size;
  const total = [...published.values()].reduce((sum, n) => sum + n, 0);
  const lateCount = await late(chosen.length, () => published.size);
  return row(`${chosen.length} answers → Discourse`, chosen.length, unique, total, (finished - started) / 60_000, DISCOURSE_CEILING_PER_MINUTE, lateCount);
}

/** Question cards in Teams channels (a thread's first post with a card), by topic, with how often each was posted. */
function teamsCards(world: World): Map<number, TeamsPost[]> {
  const cards = new Map<number, TeamsPost[]>();
  for (const post of world.teams.posts.values()) {
    const topic = post.channelId && !post.threadOf && post.card ? /"topicId":(\d+)/.exec(JSON.stringify(post.card))?.[1] : undefined;
    if (topic) cards.set(Number(topic), [...(cards.get(Number(topic)) ?? []), post]);
  }
  return cards;
}

/** New questions routed over the team's Teams channels, whose ceiling is 60 messages in 30 s each. */
export async function burstTeams(world: World, appUrl: string, count: number) {
  const { teams } = world.senders(appUrl);
  const channels = SUPPORT_TEAM.channels.map((channel) => channel.id);
  const tag = (i: number) => `bench-teams-${i % channels.length}`;
  if ((await teams.botAdded(sanne, channels[0] ?? "")).status !== 200) throw new Error("adding the bot to the team failed");
  for (const [i, channel] of SUPPORT_TEAM.channels.entries()) {
    // The channel named: a rule that names none is answered with a channel picker instead.
    const mark = world.teams.calls.length;
    const reply = await teams.channelMessage(sanne, channel.id, `route tag:${tag(i)} #${channel.name}`);
    if (reply.status !== 200) throw new Error(`route in Teams answered ${reply.status}`);
    await waitFor(`the rule for ${channel.name}`, () =>
      world.teams
        .connectorCalls()
        .some((call) => call.seq > mark && call.post?.channelId === channel.id && /Rule #\d+ added/.test(JSON.stringify(call.post.card))),
    );
  }
  const { cards, total, minutes, late: lateCount } = await questionBurst(world, count, channels.length, tag, () => teamsCards(world));
  return row(
    `${count} questions → ${channels.length} Teams channels`,
    count,
    cards.length,
    total,
    minutes,
    channels.length * TEAMS_CEILING_PER_MINUTE,
    lateCount,
  );
}
