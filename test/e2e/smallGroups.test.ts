// HR's reports never show a department so small that its people could be singled out: below
// ADVOCATE_MIN_GROUP_SIZE (default 5) the report is refused, on the command and on the Slack home; at the size
// it is shown; the whole company is always shown.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { homeAction, slashCommand } from "../support/slackPayloads";
import { publishedHome } from "../support/slackHome";

const HR = "UHR000001";
const NOW = new Date("2026-11-20T10:00:00Z");
let app: TestApp;
let slack: FakeSlack;

beforeAll(async () => {
  // The rule at its default: the test support turns it off (0).
  app = await startTestApp({ env: { ADVOCATE_HR_IDS: HR, ADVOCATE_MIN_GROUP_SIZE: "5" }, clock: { now: () => NOW } });
  slack = new FakeSlack().listen();
  const people = [
    ...["ann", "bob", "cas", "dee"].map((name) => ({ name, department: "Legal" })),
    ...["eve", "fay", "gus", "hal", "ivy"].map((name) => ({ name, department: "Support" })),
  ];
  for (const person of people)
    await app.deps.store.directory.upsert({ email: `${person.name}@voltaro.example`, name: person.name, department: person.department }, NOW);
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const report = async (text: string) => JSON.stringify(await (await app.slashCommand(slashCommand(text, HR))).json());

test("a department of 4 is refused in words, one of 5 is shown, the whole company is shown", async () => {
  const legal = await report("report month Legal");
  expect(legal).toContain("The report for “Legal” is not shown");
  expect(legal).not.toContain("Participation report");
  expect(await report("report month Support")).toContain("Participation report · month · Support");
  expect(await report("report month")).toContain("Participation report · month · whole company");
  expect(await report("report month Legal csv")).toContain("The report for “Legal” is not shown");
});

test("the Slack home: choosing a department of 4 shows the refusal, not its figures", async () => {
  await app.interaction(homeAction("advocate_hr_show", HR, { period: "month", department: "Legal" }));
  const home = await publishedHome(app, slack, HR);
  expect(home).toContain("is not shown");
  expect(home).not.toContain("Participation report");
});
