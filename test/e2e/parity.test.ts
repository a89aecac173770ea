// Slack and Teams call the same core use cases: one table of scenarios, played through each surface's real
// HTTP endpoint, must leave the same core outcomes (routed, claimed, published once, points, leaderboard).
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { CHANNEL, PRIYA, answerSubmission, buttonClick, slashCommand } from "../support/slackPayloads";
import { FakeConnector, SANNE, TEAMS_CHANNEL, activities, botFramework } from "../support/teams";

/** What one surface does when a person acts; the scenarios only speak this language. */
interface Surface {
  name: "slack" | "teams";
  channelId: string;
  employeeId: string;
  setUp(app: TestApp): Promise<void>;
  claim(app: TestApp, asColleague?: boolean): Promise<void>;
  answer(app: TestApp, text: string): Promise<void>;
  leaderboardText(app: TestApp): Promise<string>;
}

const slack: Surface = (() => {
  const ts = async (app: TestApp) => (await app.db.prisma.card.findFirstOrThrow({ where: { surface: "slack" } })).messageRef as string;
  return {
    name: "slack",
    channelId: CHANNEL,
    employeeId: PRIYA,
    async setUp() {
      new FakeSlack().listen();
    },
    async claim(app, asColleague) {
      await app.interaction(buttonClick("advocate_claim", await ts(app), asColleague ? { user: "UCOLLEAGUE" } : {}));
    },
    async answer(app, text) {
      const submission = answerSubmission(text, await ts(app));
      await app.interaction(submission);
      await app.interaction(submission); // a double click
    },
    async leaderboardText(app) {
      return JSON.stringify(await (await app.slashCommand(slashCommand("leaderboard week"))).json());
    },
  };
})();

const teams: Surface = (() => {
  let connector: FakeConnector;
  return {
    name: "teams",
    channelId: TEAMS_CHANNEL,
    employeeId: SANNE,
    async setUp(app) {
      botFramework();
      connector = new FakeConnector().listen();
      await app.postTeams(activities.botAdded());
    },
    async claim(app, asColleague) {
      await app.postTeams(activities.cardAction("advocate.claim", { topicId: 4821 }, asColleague ? { from: { id: "29:colleague", name: "Joris" } } : {}));
    },
    async answer(app, text) {
      const dialog = (await (await app.postTeams(activities.taskFetch({ action: "advocate.answer", topicId: 4821 }))).json()) as {
        task: { value: { card: { content: { actions: Array<{ data: { submissionKey: string } }> } } } };
      };
      const submissionKey = dialog.task.value.card.content.actions[0]!.data.submissionKey;
      const submit = activities.taskSubmit({ action: "advocate.submitAnswer", topicId: 4821, submissionKey, answerText: text, publishAsMe: "true" });
      await app.postTeams(submit);
      await app.postTeams(submit); // a double submit
    },
    async leaderboardText(app) {
      await app.postTeams(activities.personal("leaderboard week"));
      return JSON.stringify(connector.sentTo("a:personal").at(-1)?.body);
    },
  };
})();

interface Outcome {
  cards: number;
  cardPosted: boolean;
  claimedByActor: boolean;
  answers: number;
  communityPosts: number;
  points: number;
  onLeaderboard: boolean;
}

const scenarios: Array<{ name: string; colleagueClaimsFirst: boolean; expected: Outcome }> = [
  {
    name: "routed → claimed → answered with a double submit",
    colleagueClaimsFirst: false,
    expected: { cards: 1, cardPosted: true, claimedByActor: true, answers: 1, communityPosts: 1, points: 10, onLeaderboard: true },
  },
  {
    name: "a colleague holds the claim; answering is still possible and pays the one who answers",
    colleagueClaimsFirst: true,
    expected: { cards: 1, cardPosted: true, claimedByActor: false, answers: 1, communityPosts: 1, points: 10, onLeaderboard: true },
  },
];

describe.each([slack, teams])("$name", (surface) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
    await surface.setUp(app);
  });
  afterEach(async () => {
    nock.cleanAll();
    await app.stop();
  });

  test.each(scenarios)("$name", async ({ colleagueClaimsFirst, expected }) => {
    await app.deps.store.rules.add({
      priority: 1,
      categories: [],
      tags: ["facturatie"],
      keywords: [],
      languages: [],
      createdBy: "test",
      target: { surface: surface.name, channelId: surface.channelId },
    });
    const employee = await app.deps.store.employees.ensure(surface.name, surface.employeeId, "Sanne");
    await app.deps.store.employees.update(employee.id, { communityUsername: "sanne.devries", linkedAt: new Date() });
    await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
    await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
    await app.drain();

    if (colleagueClaimsFirst) await surface.claim(app, true);
    await surface.claim(app);
    await app.drain();
    const question = await app.db.prisma.question.findFirstOrThrow();
    const claimedByActor = question.claimedById === employee.id;

    let communityPosts = 0;
    nock(DISCOURSE_URL)
      .persist()
      .post("/posts.json")
      .reply(() => (communityPosts++, [200, fixture("discourse/create_post_response.json")]));
    await surface.answer(app, "Hoi Marieke, de maandtermijn wordt automatisch verrekend.");
    await app.drain();

    const cards = await app.db.prisma.card.findMany();
    const outcome: Outcome = {
      cards: cards.length,
      cardPosted: cards.every((card) => card.surface === surface.name && Boolean(card.messageRef)),
      claimedByActor,
      answers: await app.db.prisma.answer.count({ where: { status: "published" } }),
      communityPosts,
      points: (await app.db.prisma.pointAward.aggregate({ _sum: { points: true }, where: { employeeId: employee.id } }))._sum.points ?? 0,
      onLeaderboard: /10 (points|punten)/.test(await surface.leaderboardText(app)),
    };
    expect(outcome).toEqual(expected);
  });
});
