// One fault scenario's traffic and its verdict. Questions and answers go in while something breaks; afterwards
// the stand-ins and the database are read back: every card posted once, every answer published once, every
// ledger row present once, and the points total equal to the sum of the awards. What is missing is late while
// the outbox still holds an item that would produce it, and lost when nothing would.
import { waitFor } from "../../demo/standIns/http";
import type { SlackMessage } from "../../demo/standIns/slackApi";
import { connectDatabase } from "../../src/db/connect";
import type { DatabaseEnv } from "../support/database";
import { CHANNELS, type World } from "../support/world";
import { publishedByPriya, slackCards, topicOf } from "../tables/setup";
import { Arrivals } from "./arrivals";
import type { Missing } from "./drainProbe";
import { answerPersistently, askPersistently, type Sent } from "./traffic";
import { describe, readWaiting, type Waiting } from "./waiting";

export interface Verdict {
  scenario: string;
  database: string;
  questions: number;
  "cards late": number;
  "cards lost": number;
  "cards twice": number;
  answers: number;
  "answers late": number;
  "answers lost": number;
  "answers twice": number;
  "echoes late": number;
  "echoes lost": number;
  "echoes twice": number;
  "awards ≠ answers": number;
  "points ≠ Σ awards": number;
  "outbox dead": number;
  redelivered: number;
}

export function passed(verdict: Verdict): boolean {
  return (
    [
      "cards late",
      "cards lost",
      "cards twice",
      "answers late",
      "answers lost",
      "answers twice",
      "echoes late",
      "echoes lost",
      "echoes twice",
      "awards ≠ answers",
      "points ≠ Σ awards",
      "outbox dead",
    ] as const
  ).every((key) => verdict[key] === 0);
}

/** How settle() ended. */
export interface Settled {
  timedOut: boolean;
  /** From `since` to the arrival of the last expected card, publication or echo (null: not all arrived). */
  drainMs: number | null;
}

/** The outbox kinds that would still produce a missing card, publication or echo of their topic. */
const PRODUCERS: Record<keyof Missing, string[]> = {
  cards: ["community.event", "community.fetchTopic", "question.route", "chat.postCard"],
  publications: ["answer.received", "community.publishAnswer"],
  echoes: ["answer.received", "community.publishAnswer", "chat.threadReply"],
};

export class Scenario {
  readonly asked: number[] = [];
  /** topic → the card Priya answered */
  readonly answered = new Map<number, SlackMessage>();
  readonly sent: Sent = { retried: 0 };
  private readonly published: Map<number, number>;
  private readonly arrivals: Arrivals;
  private views = 0;
  private readonly topicOfCard = new Map<string, number>();

  constructor(
    readonly world: World,
    private readonly label: string,
    private readonly log: (line: string) => void,
  ) {
    this.published = publishedByPriya(world);
    this.arrivals = new Arrivals(world);
  }

  /** Cards of topics asked here, by topic, with how often each was posted. */
  cardsByTopic(): Map<number, SlackMessage[]> {
    const asked = new Set(this.asked);
    const byTopic = new Map<number, SlackMessage[]>();
    for (const [cardId, posts] of slackCards(this.world)) {
      // An answered card loses its buttons (where the topic is read from): remember the topic from before.
      const seen = posts.map(topicOf).find((topic) => topic !== null);
      if (seen !== undefined && seen !== null) this.topicOfCard.set(cardId, seen);
      const topic = this.topicOfCard.get(cardId);
      if (topic !== undefined && asked.has(topic)) byTopic.set(topic, [...(byTopic.get(topic) ?? []), ...posts]);
    }
    return byTopic;
  }

  /**
   * `questions` new topics and answers to `answers` delivered, unanswered cards, all at once, spread over the
   * app's replicas (webhooks and forms alternate between the URLs `apps` gives at the time of each try).
   */
  async burst(apps: () => string[], questions: number, answers: number): Promise<void> {
    const pick = (i: number) => {
      const urls = apps();
      return urls[i % urls.length] ?? "";
    };
    const cards = [...this.cardsByTopic()].filter(([topic]) => !this.answered.has(topic)).slice(0, answers);
    const work: Array<Promise<unknown>> = [];
    for (const [i, [topic, posts]] of cards.entries()) {
      const card = posts[0];
      if (!card) continue;
      this.answered.set(topic, card);
      const viewId = `V0${this.label.toUpperCase().replace(/\W/g, "")}${++this.views}`;
      work.push(answerPersistently(this.world, () => pick(i), card, viewId, this.sent));
    }
    for (let i = 0; i < questions; i++) {
      const channel = (this.asked.length + i) % CHANNELS.length;
      work.push(
        askPersistently(this.world, channel, (event, body) => this.world.discourse.emit(event, body, `${pick(i)}/webhooks/discourse`), this.sent).then(
          (topic) => this.asked.push(topic),
        ),
      );
    }
    await Promise.all(work);
  }

  /** Topics whose card, publication or echo has not arrived. */
  missingTopics(): Record<keyof Missing, number[]> {
    const cards = this.cardsByTopic();
    const answered = [...this.answered];
    return {
      cards: this.asked.filter((topic) => !cards.has(topic)),
      publications: answered.filter(([topic]) => !this.published.has(topic)).map(([topic]) => topic),
      echoes: answered.filter(([, card]) => this.echoes(card) === 0).map(([topic]) => topic),
    };
  }

  missing(): Missing {
    const topics = this.missingTopics();
    return { cards: topics.cards.length, publications: topics.publications.length, echoes: topics.echoes.length };
  }

  /**
   * Waits until every question has its card and every answer is published and echoed in its card's thread (a lane
   * the killed process held waits for its lease to run out), then a little longer for repeats. A timeout is logged;
   * verify() then tells what is late from what is lost.
   */
  async settle(since = Date.now(), timeoutMs = 180_000, quietMs = 2000): Promise<Settled> {
    const done = () => Object.values(this.missing()).every((n) => n === 0);
    const timedOut = await waitFor(`${this.asked.length} cards and ${this.answered.size} published, echoed answers`, done, timeoutMs).then(
      () => false,
      () => true,
    );
    if (timedOut) this.log(`settle timed out after ${timeoutMs / 1000} s, still missing: ${JSON.stringify(this.missing())}`);
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    return { timedOut, drainMs: timedOut ? null : Math.max(0, this.lastArrival() - since) };
  }

  /** When the last expected card, publication or echo arrived (epoch ms). */
  private lastArrival(): number {
    const cardPosts = [...this.cardsByTopic().values()].map((posts) => Math.min(...posts.map((post) => this.arrivals.postedAt(post) ?? Infinity)));
    const answers = [...this.answered].flatMap(([topic, card]) => [this.arrivals.publishedAt(topic) ?? 0, this.arrivals.echoedAt(card) ?? 0]);
    return Math.max(0, ...cardPosts.filter(Number.isFinite), ...answers);
  }

  /** Milliseconds from each answer's publication on the community to its echo in its card's thread. */
  echoDelays(): number[] {
    return [...this.answered].flatMap(([topic, card]) => {
      const published = this.arrivals.publishedAt(topic);
      const echoed = this.arrivals.echoedAt(card);
      return published === undefined || echoed === undefined ? [] : [echoed - published];
    });
  }

  /** Replies in a card's thread: the answer's echo. */
  private echoes(card: SlackMessage): number {
    return [...this.world.slack.messages.values()].filter((message) => message.channel === card.channel && message.threadTs === card.ts).length;
  }

  /**
   * Reads back what the platforms got and what the database holds, once the app has stopped (PGlite's folder is then
   * free). Anything missing is late or lost by what the outbox still holds, and every item still pending is logged.
   */
  async verify(scenario: string, database: string, databaseEnv: DatabaseEnv): Promise<Verdict> {
    const cards = this.cardsByTopic();
    const posts = [...cards.values()];
    const publishedCounts = [...this.answered.keys()].map((topic) => this.published.get(topic) ?? 0);
    const echoes = [...this.answered.values()].map((card) => this.echoes(card));
    const db = await connectDatabase(
      "DATABASE_URL" in databaseEnv ? { kind: "postgres", url: databaseEnv.DATABASE_URL } : { kind: "pglite", dataDir: databaseEnv.ADVOCATE_DATA_DIR },
    );
    try {
      const waiting = await readWaiting(db.sql);
      const late = this.late(waiting);
      for (const [topic, repeated] of [...cards].filter(([, list]) => list.length > 1))
        this.log(`${scenario} on ${database}: topic ${topic} has ${repeated.length} cards: ${repeated.map(describeCard).join("; ")}`);
      for (const [topic, times] of this.published) if (times > 1) this.log(`${scenario} on ${database}: topic ${topic}'s answer was published ${times} times`);
      if (Object.values(this.missing()).some((n) => n > 0)) {
        this.log(`${scenario} on ${database}: ${waiting.length} outbox items still pending after the app stopped:`);
        for (const item of waiting) this.log(`  ${describe(item, null)}`);
      }
      const [ledger] = await db.sql.query<{ awards: number; answers: number; awarded: number; totalled: number; dead: number }>(
        // An award row per published answer, whatever the daily cap left of it (its source key says which answer).
        `SELECT (SELECT count(*) FROM "Answer" a WHERE a.status = 'published'
                   AND (SELECT count(*) FROM "PointAward" p WHERE p."sourceKey" = 'answer:' || a.id || ':published') = 1)::int AS awards,
                (SELECT count(*) FROM "Answer" WHERE status = 'published')::int AS answers,
                (SELECT COALESCE(SUM(points), 0) FROM "PointAward")::int AS awarded,
                (SELECT COALESCE(SUM(points), 0) FROM "PointTotal" WHERE period = 'all')::int AS totalled,
                (SELECT count(*) FROM "OutboxItem" WHERE status = 'dead')::int AS dead`,
      );
      if (!ledger) throw new Error("the ledger query returned nothing");
      return {
        scenario,
        database,
        questions: this.asked.length,
        "cards late": late.cards,
        "cards lost": this.asked.length - cards.size - late.cards,
        "cards twice": posts.filter((list) => list.length > 1).length,
        answers: this.answered.size,
        "answers late": late.publications,
        "answers lost": publishedCounts.filter((n) => n === 0).length - late.publications,
        "answers twice": publishedCounts.filter((n) => n > 1).length,
        "echoes late": late.echoes,
        "echoes lost": echoes.filter((n) => n === 0).length - late.echoes,
        "echoes twice": echoes.filter((n) => n > 1).length,
        "awards ≠ answers": Math.abs(ledger.awards - ledger.answers) + Math.abs(ledger.answers - this.answered.size),
        "points ≠ Σ awards": Math.abs(ledger.awarded - ledger.totalled),
        "outbox dead": ledger.dead,
        redelivered: this.sent.retried,
      };
    } finally {
      await db.close();
    }
  }

  /** Missing cards, publications and echoes that a pending outbox item of their topic would still produce. */
  private late(waiting: Waiting[]): Missing {
    const count = (what: keyof Missing, topics: number[]) =>
      topics.filter((topic) => waiting.some((item) => item.topicId === topic && PRODUCERS[what].includes(item.kind))).length;
    const missing = this.missingTopics();
    return { cards: count("cards", missing.cards), publications: count("publications", missing.publications), echoes: count("echoes", missing.echoes) };
  }
}

/** Which card a message is and where and when it was posted (a repeat's evidence in the log). */
function describeCard(message: SlackMessage): string {
  const cardId = (message.metadata?.event_payload as { card_id?: string } | undefined)?.card_id;
  return `card ${cardId} in ${message.channel} at ${new Date(Number(message.ts) * 1000).toISOString().slice(11, 19)} (ts ${message.ts})`;
}
