// Two replicas on one Postgres both time every story schedule; each slot still posts exactly one story.
import pino from "pino";
import { startAdvocate } from "../../src/app";
import { connectDatabase } from "../../src/db/connect";
import { StoryTimers } from "../../src/jobs/storySchedules";
import { startTestApp, testConfig } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { CHANNEL, slashCommand } from "../support/slackPayloads";
import { answeredQuestion } from "../support/stories";

const onPostgres = process.env.DATABASE_URL ? test : test.skip;
const silent = pino({ level: "silent" });
let slack: FakeSlack;
beforeAll(() => {
  slack = new FakeSlack().listen();
});

// Also on PGlite, and not only for its own sake: a file whose every test is skipped never runs its afterAll
// hooks, and would leave its nock hooked into the next test file's requests.
test("timers of two replicas firing the same slot enqueue one run, and one story is posted", async () => {
  const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const app = await startTestApp({ clock: { now: () => new Date(slot.getTime() + 60_000) } });
  const replicas = [new StoryTimers(app.deps.store, silent), new StoryTimers(app.deps.store, silent)];
  try {
    await answeredQuestion(app, 301, { body: "Is there a student discount?" });
    const schedule = await app.deps.store.storySchedules.add({
      surface: "slack",
      channelId: "C0TIMERS",
      days: ["mon"],
      time: "09:00",
      timezone: "UTC",
      createdBy: "test",
    });
    await Promise.all(replicas.map((timers, replica) => timers.fire(schedule, new Date(slot.getTime() + replica * 400))));
    await app.drain();
    expect(await app.db.prisma.outboxItem.count({ where: { kind: "story.scheduled" } })).toBe(1);
    expect(slack.of("chat.postMessage").filter((call) => call.body.channel === "C0TIMERS")).toHaveLength(1);
  } finally {
    replicas.forEach((timers) => timers.stop());
    await app.stop();
  }
});

onPostgres("a slot fired by two replicas on the same Postgres posts one story", async () => {
  const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const clock = { now: () => new Date(slot.getTime() + 60_000) };
  const first = await startTestApp({ clock });
  // The second replica: its own connections, app, worker and timers, on the first one's schema.
  const [current] = await first.db.sql.query<{ schema: string }>("SELECT current_schema() AS schema");
  const database = await connectDatabase({ kind: "postgres", url: process.env.DATABASE_URL!, schema: current!.schema });
  const second = await startAdvocate(testConfig(), { logger: silent, clock, database, startWorker: false, startSchedules: false, paceMs: () => 0 });
  const replicas = [new StoryTimers(first.deps.store, silent), new StoryTimers(second.deps.store, silent)];
  try {
    await answeredQuestion(first, 201, { body: "Can I pause my subscription over the summer?", colleague: "Sanne" });
    await first.slashCommand(slashCommand("story every daily 09:00 Europe/Amsterdam"));
    await Promise.all(replicas.map((timers) => timers.sync()));
    expect(replicas.map((timers) => timers.timed())).toEqual([[1], [1]]);

    // Both fire for the same minute, a moment apart, and both workers then run whatever is due.
    const [schedule] = await second.deps.store.storySchedules.list();
    await Promise.all([replicas[0]!.fire(schedule!, slot), replicas[1]!.fire(schedule!, new Date(slot.getTime() + 250))]);
    await Promise.all([first.worker.drain(), second.worker.drain()]);
    await Promise.all([first.worker.drain(), second.worker.drain()]);

    expect(await first.db.prisma.outboxItem.count({ where: { kind: "story.scheduled" } })).toBe(1);
    expect(await first.db.prisma.story.count()).toBe(1);
    const posts = slack.of("chat.postMessage").filter((call) => call.body.channel === CHANNEL);
    expect(posts).toHaveLength(1);
    expect(slack.blocksText(posts[0]!)).toContain("Can I pause my subscription over the summer?");
  } finally {
    replicas.forEach((timers) => timers.stop());
    await second.stop();
    await database.close();
    await first.stop();
  }
});
