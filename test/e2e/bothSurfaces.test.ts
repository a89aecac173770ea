// One company on Slack and Teams at once: one rule, made from both sides, sends a question to a Slack and a
// Teams channel; a claim on one surface redraws the card on both.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { CHANNEL, slashCommand } from "../support/slackPayloads";
import { ADMIN_AAD, FakeConnector, TEAMS_CHANNEL, activities, botFramework } from "../support/teams";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  botFramework();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

test("a rule with the same criteria from Slack and Teams is one rule with two channels; both cards follow a claim", async () => {
  const slack = new FakeSlack().listen();
  const teams = new FakeConnector().listen();
  await app.postTeams(activities.botAdded());

  const fromSlack = await app.slashCommand(slashCommand(`route add <#${CHANNEL}|klantvragen> tag:facturatie`, "UADMIN001"));
  expect(JSON.stringify(await fromSlack.json())).toContain("#1");
  await app.postTeams(activities.message("route tag:facturatie #Klantvragen", { from: { id: "29:admin", name: "Admin", aadObjectId: ADMIN_AAD } }));
  expect(JSON.stringify(teams.sentTo(TEAMS_CHANNEL).at(-1)?.body)).toMatch(/#1 .*(posts to|post nu naar)/);
  expect(await app.db.prisma.routingRule.count()).toBe(1);
  expect(await app.db.prisma.routingTarget.count()).toBe(2);

  await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
  await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
  await app.drain();
  expect(slack.of("chat.postMessage").filter((call) => call.body.channel === CHANNEL)).toHaveLength(1);
  expect(teams.channelPosts()).toHaveLength(1);

  await app.postTeams(activities.cardAction("advocate.claim", { topicId: 4821 }));
  await app.drain();
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("Sanne de Vries is on it");
  expect(JSON.stringify(teams.updates().at(-1)?.body)).toContain("Sanne de Vries is on it");
});
