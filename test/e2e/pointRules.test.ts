// `/advocate points rules` and `/advocate points set` through Slack's real slash command path: anyone may look,
// only admins may change, and bad input gets a clear answer.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, slashCommand } from "../support/slackPayloads";

const ADMIN = "UADMIN001";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  new FakeSlack().listen();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

async function command(text: string, user: string): Promise<string> {
  const res = await app.slashCommand(slashCommand(text, user));
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

async function storedRules() {
  const rows = await app.db.prisma.pointRule.findMany();
  return rows.map((row) => [row.name, row.value, row.updatedBy]);
}

test("anyone sees the rules, with the defaults before an admin changed any", async () => {
  const reply = await command("points rules", PRIYA);
  expect(reply).toContain("*Point rules*");
  expect(reply).toContain("solution_accepted: *25*");
  expect(reply).toContain("like_received: *2*");
  expect(reply).toContain("daily_cap: *100*");
  expect(reply).toContain("story_shared: *5*");
});

test("a non-admin cannot change a rule", async () => {
  expect(await command("points set daily_cap 500", PRIYA)).toContain("Only Advocate admins");
  expect(await storedRules()).toEqual([]);
});

test("an admin changes a rule; everyone then sees the new value", async () => {
  expect(await command("points set daily_cap 150", ADMIN)).toContain("daily_cap is now 150.");
  expect(await storedRules()).toEqual([["daily_cap", 150, ADMIN]]);
  expect(await command("points rules", PRIYA)).toContain("daily_cap: *150*");
});

test.each([
  ["an unknown rule", "points set bonus 5", "“bonus” is not a point rule"],
  ["a negative value", "points set like_received -2", "“-2” is not a number of points"],
  ["a fraction", "points set like_received 1.5", "“1.5” is not a number of points"],
  ["no value", "points set like_received", "is not a number of points"],
])("%s is refused with a clear reply and changes nothing", async (_case, text, answer) => {
  const before = await storedRules();
  expect(await command(text, ADMIN)).toContain(answer);
  expect(await storedRules()).toEqual(before);
});

test("my own points are still `points`; an unknown sub-command is named back", async () => {
  expect(await command("points", PRIYA)).toContain("You have *0* points");
  expect(await command("points bogus", PRIYA)).toContain("I don't know “points bogus”");
});
