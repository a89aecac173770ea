// Response promises through the real app: a rule's promise puts a deadline on the card, the channel is reminded at
// 50 % and 90 % of the business time, a miss goes to the escalation channel, the answered card says whether the
// promise was kept, nothing is posted twice, and after downtime one summary replaces the flood.
import nock from "nock";
import pino from "pino";
import { startAdvocate } from "../../src/app";
import { connectDatabase } from "../../src/db/connect";
import { checkPromises } from "../../src/core/promises/checkPromises";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, testConfig, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls, type SlackCall } from "../support/slackApi";
import { CHANNEL, answerSubmission, slashCommand } from "../support/slackPayloads";
import { askTopic, linkedEmployee } from "../support/scenario";

const LEADS = "C0LEADS01";
const ADMIN = "UADMIN001";
// Monday 30 November 2026, 10:00 in Amsterdam; business hours mon-fri 09:00-17:00.
const MONDAY_10 = new Date("2026-11-30T09:00:00Z");
const minutes = (n: number) => n * 60_000;

let app: TestApp;
let slack: FakeSlack;
let now: Date;

beforeEach(async () => {
  now = MONDAY_10;
  app = await startTestApp({ clock: { now: () => now } });
  slack = new FakeSlack().listen();
  captureResponseUrls();
  const reply = await app.slashCommand(slashCommand(`route add tag:facturatie promise:4h escalate:<#${LEADS}|leads>`, ADMIN));
  expect(((await reply.json()) as { text: string }).text).toContain("promise:4h");
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

/** A topic asked now (the fixture one unless an id and title are given); resolves with its card in CHANNEL. */
async function ask(topicId = 4821, title = "Factuur dubbel afgeschreven na overstap naar jaarabonnement"): Promise<SlackCall> {
  await askTopic(app, topicId, title, { postedAt: now });
  return slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === CHANNEL && call.body.metadata)
    .at(-1)!;
}

/** The minute job as production runs it: a check a minute before `at` (the previous tick), then at `at`. */
async function checkAt(at: Date): Promise<void> {
  for (const moment of [new Date(at.getTime() - minutes(1)), at]) {
    now = moment;
    await app.deps.store.outbox.enqueue({ kind: "promises.check" }, { lane: "jobs" });
    await app.drain();
  }
}

const threadReplies = (card: SlackCall) =>
  slack
    .of("chat.postMessage")
    .filter((call) => call.body.thread_ts === card.ts)
    .map((call) => String(call.body.text));
const postsIn = (channel: string) =>
  slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === channel)
    .map((call) => slack.blocksText(call));

test("the card shows the deadline in business time; reminders at 50 % and 90 %, once each; a miss escalates", async () => {
  const card = await ask();
  expect(slack.blocksText(card)).toContain("Our promise: first answer by Mon 14:00 (4 h of business time)");

  await checkAt(new Date(MONDAY_10.getTime() + minutes(119)));
  expect(threadReplies(card)).toEqual([]);
  await checkAt(new Date(MONDAY_10.getTime() + minutes(120)));
  expect(threadReplies(card)).toEqual([expect.stringContaining("⏰ 2 h left on our promise")]);
  await checkAt(new Date(MONDAY_10.getTime() + minutes(150)));
  expect(threadReplies(card)).toHaveLength(1);
  await checkAt(new Date(MONDAY_10.getTime() + minutes(216)));
  expect(threadReplies(card)).toEqual([expect.stringContaining("2 h left"), expect.stringContaining("⏰ 24 m left on our promise")]);

  await checkAt(new Date(MONDAY_10.getTime() + minutes(240)));
  expect(postsIn(LEADS)).toEqual([expect.stringContaining("Promise missed:")]);
  expect(postsIn(LEADS)[0]).toContain("4 h of business time");
  await checkAt(new Date(MONDAY_10.getTime() + minutes(300)));
  expect(postsIn(LEADS)).toHaveLength(1);
  const update = slack.of("chat.update").at(-1)!;
  expect(slack.blocksText(update)).toContain("Our promise of 4 h is missed: no answer yet");
});

test("an answer stops the clock: the card says how long it took and whether the promise was kept", async () => {
  const card = await ask();
  await linkedEmployee(app);
  nock(DISCOURSE_URL).post("/posts.json").reply(200, fixture("discourse/create_post_response.json"));
  now = new Date(MONDAY_10.getTime() + minutes(72));
  await app.interaction(answerSubmission("De maandtermijn wordt binnen 5 werkdagen teruggestort.", String(card.ts)));
  await app.drain();
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("Answered in 1 h 12 m: promise kept");
  await checkAt(new Date(MONDAY_10.getTime() + minutes(300)));
  expect(threadReplies(card).filter((text) => text.includes("promise"))).toEqual([]);
  expect(postsIn(LEADS)).toEqual([]);

  // A second question is missed; HR sees the channel's rate.
  now = new Date(MONDAY_10.getTime() + minutes(300));
  await ask(4822, "Incasso mislukt terwijl mijn saldo toereikend was");
  now = new Date(MONDAY_10.getTime() + minutes(300 + 60 * 24 * 2));
  const report = (await (await app.slashCommand(slashCommand("report 2026-11-30..2026-11-30", ADMIN))).json()) as { text: string };
  expect(report.text).toContain("Promises kept");
  expect(report.text).toContain(`<#${CHANNEL}>: 1 of 2 (50%)`);
});

test("after downtime the channel and the escalation channel each get one summary, not a reminder per question", async () => {
  await checkAt(MONDAY_10);
  await ask(4821);
  await ask(4822, "Incasso mislukt terwijl mijn saldo toereikend was");
  now = new Date(MONDAY_10.getTime() + minutes(120));
  await ask(4823, "Waarom staat mijn jaarafrekening nog niet online?");
  // The app was down from 10:01 until 14:05: the two first questions are past their promise, the third is at 50 %.
  now = new Date(MONDAY_10.getTime() + minutes(245));
  await app.deps.store.outbox.enqueue({ kind: "promises.check" }, { lane: "jobs" });
  await app.drain();
  const channelSummaries = postsIn(CHANNEL).filter((text) => text.includes("While Advocate was away"));
  expect(channelSummaries).toHaveLength(1);
  expect(channelSummaries[0]).toContain("1 promise(s) moved on");
  expect(channelSummaries[0]).toContain("Waarom staat mijn jaarafrekening");
  expect(postsIn(LEADS)).toHaveLength(1);
  expect(postsIn(LEADS)[0]).toContain("2 promise(s) moved on");
  expect(postsIn(LEADS)[0]).toContain("Incasso mislukt");
  expect(slack.of("chat.postMessage").filter((call) => call.body.thread_ts)).toHaveLength(0);
});

test("two checks at once (two replicas) post each reminder once", async () => {
  const card = await ask();
  await checkAt(new Date(MONDAY_10.getTime() + minutes(119)));
  now = new Date(MONDAY_10.getTime() + minutes(120));
  let second: Awaited<ReturnType<typeof startAdvocate>> | null = null;
  let database: Awaited<ReturnType<typeof connectDatabase>> | null = null;
  if (process.env.DATABASE_URL) {
    // A second replica with its own connections on the same schema.
    const [current] = await app.db.sql.query<{ schema: string }>("SELECT current_schema() AS schema");
    database = await connectDatabase({ kind: "postgres", url: process.env.DATABASE_URL, schema: current!.schema });
    second = await startAdvocate(testConfig(), {
      logger: pino({ level: "silent" }),
      clock: { now: () => now },
      database,
      startWorker: false,
      startSchedules: false,
      paceMs: () => 0,
    });
  }
  try {
    await Promise.all([checkPromises(app.deps), checkPromises((second ?? app).deps)]);
    await Promise.all([app.worker.drain(), second?.worker.drain()]);
    expect(threadReplies(card)).toEqual([expect.stringContaining("2 h left")]);
  } finally {
    await second?.stop();
    await database?.close();
  }
});
