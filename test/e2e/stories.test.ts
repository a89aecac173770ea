// A customer story to open each meeting: `/advocate story` in Slack and `@Advocate story` in Teams post a story
// card through the outbox; a channel never sees the same story twice in 30 days; schedules start and stop at
// runtime; a scheduled run that comes more than 15 minutes late is skipped.
import nock from "nock";
import pino from "pino";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { CHANNEL, PRIYA, slashCommand } from "../support/slackPayloads";

const ADMIN = "UADMIN001";
import { FakeConnector, GROUP_CHAT, MEETING_CHAT, TEAMS_CHANNEL, activities, botFramework } from "../support/teams";
import { answeredQuestion } from "../support/stories";
import { StoryTimers, enqueueStoryRun } from "../../src/jobs/storySchedules";

let app: TestApp;
let slack: FakeSlack;
let connector: FakeConnector;
let now = new Date();
const logs: Array<{ msg: string; outcome?: string }> = [];

beforeAll(async () => {
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  app = await startTestApp({ clock: { now: () => now }, logger });
  slack = new FakeSlack().listen();
  // Priya on Slack and Sanne on Teams are two people here (the fixtures' profiles would make them one).
  slack.emails.set(PRIYA, "priya@voltaro.example");
  botFramework();
  connector = new FakeConnector().listen();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const DAY_MS = 86_400_000;
const storiesIn = (channel: string) => slack.of("chat.postMessage").filter((call) => call.body.channel === channel);
const story = async (text = "story", channel = CHANNEL) => JSON.stringify(await (await app.slashCommand(slashCommand(text, undefined, channel))).json());

describe("through Slack", () => {
  test("with nothing answered yet, a polite no", async () => {
    expect(await story()).toContain("No story yet");
    await app.drain();
    expect(storiesIn(CHANNEL)).toHaveLength(0);
  });

  test("`/advocate story` posts a story card into the channel: the customer's words, what happened, who helped, the link, a question", async () => {
    await answeredQuestion(app, 101, {
      title: "Charged twice for March",
      body: "I was charged twice and nobody answers my mails!",
      kind: "complaint",
      helper: "Joost",
    });
    await answeredQuestion(app, 102, { title: "Switching plans mid-month", body: "Do I lose my credit when I switch plans?", colleague: "Sanne" });
    expect(await story()).toContain("Here comes a customer story for this channel. +5 points for opening the meeting with it.");
    await app.drain();

    const [post] = storiesIn(CHANNEL);
    const card = slack.blocksText(post!);
    expect(card).toContain("Answered by a colleague this week");
    expect(card).toContain("Marieke wrote");
    expect(card).toContain("\\n> Do I lose my credit when I switch plans?");
    expect(card).toContain("Answered by our colleague Sanne");
    expect(card).toContain("https://community.voltaro.example/t/topic/102/2");
    expect(card).toContain("What did we promise this customer, and did we keep it?");
    expect(await app.db.prisma.pointAward.findMany({ where: { reason: { startsWith: "story_shared" } }, select: { points: true } })).toEqual([{ points: 5 }]);
    const shown = await app.db.prisma.story.findFirstOrThrow();
    expect(shown).toMatchObject({ surface: "slack", channelId: CHANNEL, reason: "colleague_this_week", promptIndex: 0, messageRef: post!.ts });
  });

  test("the next story is the next best one, with the next discussion question; then no story is left to show", async () => {
    // The first story today earned its sharer points; the second one does not (one a day by default).
    expect(await story()).not.toContain("+5 points");
    await app.drain();
    const second = slack.blocksText(storiesIn(CHANNEL)[1]!);
    expect(second).toContain("A complaint turned around");
    expect(second).toContain("I was charged twice");
    expect(second).toContain("Answered on the community by Joost");
    expect(second).toContain("What would have made this customer's day even better?");

    expect(await story()).toContain("No story yet");
    await app.drain();
    expect(storiesIn(CHANNEL)).toHaveLength(2);
  });

  test("never the same story twice in a channel within 30 days; after that it may come back", async () => {
    now = new Date(Date.now() + 29 * DAY_MS);
    expect(await story()).toContain("No story yet");
    now = new Date(Date.now() + 31 * DAY_MS);
    expect(await story()).toContain("Here comes");
    await app.drain();
    expect(storiesIn(CHANNEL)).toHaveLength(3);
    expect(slack.blocksText(storiesIn(CHANNEL)[2]!)).toContain("I was charged twice");
    now = new Date();
  });

  test("a channel with routing rules only gets stories its rules fit; other channels keep their own 30 days", async () => {
    await answeredQuestion(app, 103, { title: "Parcel lost", body: "Where is my parcel?", tags: ["shipping"] });
    await app.deps.store.rules.add({
      priority: 10,
      target: { surface: "slack", channelId: "C0SHIPPING" },
      categories: [],
      tags: ["shipping"],
      keywords: [],
      languages: [],
      createdBy: "test",
    });
    await story("story", "C0SHIPPING");
    await app.drain();
    expect(slack.blocksText(storiesIn("C0SHIPPING")[0]!)).toContain("Where is my parcel?");
    expect(await story("story", "C0SHIPPING")).toContain("No story yet");
  });
});

describe("through Teams", () => {
  test("`@Advocate story` answers in the channel and posts the story as a new Adaptive Card post", async () => {
    await app.postTeams(activities.botAdded());
    expect((await app.postTeams(activities.message("story"))).status).toBe(200);
    // Sanne's Teams speaks Dutch: the reply is hers, the story card the channel's (English by default).
    expect(FakeConnector.text(connector.sentTo(TEAMS_CHANNEL).at(-1))).toContain("Er komt een klantverhaal aan");
    await app.drain();
    const [post] = connector.channelPosts(TEAMS_CHANNEL);
    const card = FakeConnector.text(post);
    expect(card).toContain("application/vnd.microsoft.card.adaptive");
    expect(card).toContain("Answered by our colleague Sanne");
    expect(card).toContain("Do I lose my credit when I switch plans?");
    expect(card).toContain("What did we promise this customer, and did we keep it?");
    expect(await app.db.prisma.story.findFirstOrThrow({ where: { surface: "teams" } })).toMatchObject({
      channelId: TEAMS_CHANNEL,
      messageRef: expect.stringMatching(/^\d+$/),
    });
  });

  test("`@Advocate story` in a meeting's chat opens the meeting there: the story card is posted into that chat", async () => {
    expect((await app.postTeams(activities.meetingChat("story"))).status).toBe(200);
    await app.drain();
    const inMeeting = connector.sentTo(MEETING_CHAT).map((call) => FakeConnector.text(call));
    expect(inMeeting).toEqual([expect.stringContaining("Er komt een klantverhaal aan"), expect.stringContaining("Answered by our colleague Sanne")]);
    // Not a new channel thread: a chat has none.
    expect(connector.calls.filter((call) => call.path === "/v3/conversations" && FakeConnector.text(call).includes(MEETING_CHAT))).toEqual([]);
    expect(await app.db.prisma.story.findFirstOrThrow({ where: { surface: "teams", channelId: MEETING_CHAT } })).toMatchObject({
      messageRef: expect.stringMatching(/^\d+$/),
    });
  });

  test("in a personal chat, story says to use it in a channel, a group chat or a meeting chat", async () => {
    await app.postTeams(activities.personal("story"));
    expect(FakeConnector.text(connector.sentTo("a:personal").at(-1))).toContain("Gebruik dit in een kanaal, een groepschat of de chat van een vergadering");
    expect(await app.db.prisma.story.count({ where: { surface: "teams", channelId: { startsWith: "a:" } } })).toBe(0);
  });
});

describe("schedules", () => {
  let timers: StoryTimers;
  beforeAll(() => {
    timers = new StoryTimers(app.deps.store, pino({ level: "silent" }));
    app.deps.timers = timers;
  });
  afterAll(() => timers.stop());

  async function timed(ids: number[]) {
    const until = Date.now() + 10_000;
    while (timers.timed().join() !== ids.join() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    return timers.timed();
  }

  test("`story every …` starts timing at once, `story list` shows it, `story stop` stops it, all without a restart", async () => {
    expect(await story("story every mon,wed 09:00 Europe/Amsterdam")).toContain("Story schedule #1: Mon, Wed at 09:00 (Europe/Amsterdam)");
    expect(await story("story every weekdays 16:30")).toContain("#2: weekdays at 16:30 (Europe/Amsterdam)");
    expect(await timed([1, 2])).toEqual([1, 2]);
    const list = await story("story list");
    expect(list).toContain("Story schedules in this channel");
    expect(list).toContain("#1 · Mon, Wed at 09:00 (Europe/Amsterdam)");

    expect(await story("story stop 2")).toContain("Stopped story schedule #2");
    expect(await timed([1])).toEqual([1]);
    expect(await story("story stop")).toContain("Stopped story schedule #1");
    expect(await timed([])).toEqual([]);
    expect(await story("story stop")).toContain("no story schedules in this channel to stop");
    expect(await story("story list")).toContain("No story schedules in this channel. Example:");
  });

  test("a schedule belongs to its channel: a colleague elsewhere cannot stop it, an admin can", async () => {
    expect(await story("story every mon 09:00")).toContain("Story schedule #");
    const [schedule] = await app.db.prisma.storySchedule.findMany();
    const elsewhere = await app.slashCommand(slashCommand(`story stop ${schedule!.id}`, PRIYA, "C0SHIPPING"));
    expect(JSON.stringify(await elsewhere.json())).toContain(`There is no story schedule #${schedule!.id} in this channel`);
    expect(await app.db.prisma.storySchedule.count()).toBe(1);
    const byAdmin = await app.slashCommand(slashCommand(`story stop ${schedule!.id}`, ADMIN, "C0SHIPPING"));
    expect(JSON.stringify(await byAdmin.json())).toContain(`Stopped story schedule #${schedule!.id}`);
    expect(await app.db.prisma.storySchedule.count()).toBe(0);
  });

  test("an invalid schedule says exactly what is wrong, with an example", async () => {
    const late = await story("story every mon,wed 25:00");
    expect(late).toContain("“25:00” is not a time: use HH:MM on a 24-hour clock. Example: /advocate story every mon,wed 09:00");
    expect(await story("story every mon,woensdag 09:00")).toContain("“mon,woensdag” are not days I know");
    expect(await story("story every mon,wed")).toContain("A story schedule is days and a time, optionally followed by a timezone; I read “mon,wed”. Example:");
    expect(await story("story stop first")).toContain("“first” is not a schedule number");
    expect(await app.db.prisma.storySchedule.count()).toBe(0);
  });

  test("an unknown timezone: the error says how to write one", async () => {
    expect(await story("story every mon 09:00 Amsterdam")).toContain(
      "“Amsterdam” is not a timezone I know: write it as Region/City from the IANA list, such as Europe/Amsterdam",
    );
  });

  test("`@Advocate story every …` in a group chat schedules stories for that chat; a run posts the card into it", async () => {
    expect((await app.postTeams(activities.groupChat("story every mon 09:00"))).status).toBe(200);
    expect(FakeConnector.text(connector.sentTo(GROUP_CHAT).at(-1))).toContain("Verhalenschema #");
    const [schedule] = await app.deps.store.storySchedules.forChannel({ surface: "teams", channelId: GROUP_CHAT });
    expect(schedule).toMatchObject({ days: ["mon"], time: "09:00" });
    if (!schedule) throw new Error("no schedule");
    expect(await timed([schedule.id])).toEqual([schedule.id]);
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    now = new Date(slot.getTime() + 60_000);
    await enqueueStoryRun(app.deps.store, schedule, slot);
    await app.drain();
    now = new Date();
    expect(await app.db.prisma.story.findFirstOrThrow({ where: { channelId: GROUP_CHAT } })).toMatchObject({
      runKey: `schedule:${schedule.id}:${slot.toISOString()}`,
    });
    expect(
      connector
        .sentTo(GROUP_CHAT)
        .map((call) => FakeConnector.text(call))
        .at(-1),
    ).toContain("application/vnd.microsoft.card.adaptive");
    await app.postTeams(activities.groupChat("story stop"));
    expect(await app.db.prisma.storySchedule.count()).toBe(0);
  });

  test("a run on time posts a story; a run more than 15 minutes late is skipped with a log line", async () => {
    await answeredQuestion(app, 104, { title: "Refund timing", body: "When do I get my refund?" });
    const schedule = await app.deps.store.storySchedules.add({
      surface: "slack",
      channelId: "C0MEETING",
      days: ["mon"],
      time: "09:00",
      timezone: "Europe/Amsterdam",
      createdBy: "test",
    });
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);

    now = new Date(slot.getTime() + 16 * 60_000);
    await enqueueStoryRun(app.deps.store, schedule, slot);
    await app.drain();
    expect(storiesIn("C0MEETING")).toHaveLength(0);
    expect(logs.some((line) => line.outcome === `skipped: story schedule #${schedule.id} slot ${slot.toISOString()} is 16 min late`)).toBe(true);

    const nextSlot = new Date(slot.getTime() + 7 * DAY_MS);
    now = new Date(nextSlot.getTime() + 14 * 60_000);
    await enqueueStoryRun(app.deps.store, schedule, new Date(nextSlot.getTime() + 700));
    await app.drain();
    expect(storiesIn("C0MEETING")).toHaveLength(1);
    expect(await app.db.prisma.story.findFirstOrThrow({ where: { channelId: "C0MEETING" } })).toMatchObject({
      runKey: `schedule:${schedule.id}:${nextSlot.toISOString()}`,
    });
    now = new Date();
  });
});
