// `privacy hide` / `privacy show` through the real apps: colleagues see "a colleague" on leaderboards (the command,
// the Slack home), the person still sees themselves, points and the ledger are untouched, on Slack and on Teams.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, slashCommand } from "../support/slackPayloads";
import { FakeConnector, SANNE, activities, botFramework } from "../support/teams";
import { openHome } from "../support/slackHome";

const OTHER = "U0OTHER001";
let app: TestApp;
let connector: FakeConnector;
let slack: FakeSlack;

beforeAll(async () => {
  app = await startTestApp();
  botFramework();
  slack = new FakeSlack().listen();
  connector = new FakeConnector().listen();
  const { employees, ledger } = app.deps.store;
  const people = [
    { surface: "slack", id: PRIYA, name: "Priya", points: 30 },
    { surface: "slack", id: OTHER, name: "Olaf", points: 20 },
    { surface: "teams", id: SANNE, name: "Sanne de Vries", points: 10 },
  ];
  for (const person of people) {
    const employee = await employees.ensure(person.surface, person.id, person.name);
    await ledger.award({
      employeeId: employee.id,
      points: person.points,
      reason: "answer_published",
      sourceKey: `privacy:${person.id}`,
      occurredAt: new Date(),
    });
  }
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const slash = async (text: string, user: string) => JSON.stringify(await (await app.slashCommand(slashCommand(text, user))).json());
const ledgerSum = async () => (await app.db.prisma.pointAward.aggregate({ _sum: { points: true } }))._sum.points;

test("Slack: Priya hides her name; Olaf sees “a colleague” with her points, Priya still sees herself; show undoes it", async () => {
  expect(await slash("privacy", PRIYA)).toContain("Colleagues see your name on leaderboards");
  expect(await slash("privacy hide", PRIYA)).toContain("colleagues now see you as “a colleague”");
  expect(await slash("privacy hide", PRIYA)).toContain("Colleagues see you as “a colleague”");

  const seenByOlaf = await slash("leaderboard month", OTHER);
  expect(seenByOlaf).toContain("🥇 a colleague · 30 points");
  expect(seenByOlaf).not.toContain(PRIYA);
  expect(seenByOlaf).not.toContain("Priya");
  expect(await slash("leaderboard month", PRIYA)).toContain(`<@${PRIYA}>`);
  expect(await ledgerSum()).toBe(60);

  expect(await slash("privacy show", PRIYA)).toContain("see your name on leaderboards again");
  expect(await slash("leaderboard month", OTHER)).toContain(`<@${PRIYA}>`);
});

test("Slack home: the month's top 5 shows a hidden colleague as “a colleague”", async () => {
  await slash("privacy hide", PRIYA);
  const home = await openHome(app, slack, OTHER);
  expect(home).toContain("a colleague");
  expect(home).not.toContain(PRIYA);
  await slash("privacy show", PRIYA);
});

test("Teams: Sanne hides her name in Teams; a Slack colleague's leaderboard shows “a colleague” in her place", async () => {
  await app.postTeams(activities.personal("privacy hide"));
  expect(JSON.stringify(connector.calls.at(-1)?.body)).toContain("een collega"); // Sanne's Teams speaks Dutch
  const seen = await slash("leaderboard month", OTHER);
  expect(seen).toContain("a colleague · 10 points");
  expect(seen).not.toContain("Sanne");
  await app.postTeams(activities.personal("privacy show"));
  expect(await slash("leaderboard month", OTHER)).toContain("Sanne de Vries");
});
