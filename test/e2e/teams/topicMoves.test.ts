// A topic the community moves, seen in Teams: the old Adaptive Card says it moved, a new one appears in the channel
// the rules now pick, through the same core use case as Slack.
import nock from "nock";
import { fixture } from "../../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../../support/testApp";
import { FakeSlack } from "../../support/slackApi";
import { ADMIN_AAD, FakeConnector, TEAMS_CHANNEL, activities, botFramework } from "../../support/teams";

const BILLING = "19:billing@thread.tacv2";

let app: TestApp;
let connector: FakeConnector;

beforeAll(async () => {
  app = await startTestApp();
  botFramework();
  connector = new FakeConnector().listen();
  new FakeSlack().listen();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

type Json = Record<string, any>;

const admin = { from: { id: "29:1Pz7Wq2LcV8nMx4RkT6yHbJ3gF9dS5aE0uIo1QwErT_zXcVb7NmLk2JhGf4DsA", name: "Admin", aadObjectId: ADMIN_AAD } };

/** An admin's message in another channel of the team. */
function inBilling(text: string): Json {
  const activity = activities.message(text, admin) as Json;
  return {
    ...activity,
    conversation: { ...activity.conversation, id: `${BILLING};messageid=1763641599001` },
    channelData: { ...activity.channelData, teamsChannelId: BILLING, channel: { id: BILLING } },
  };
}

const updatesIn = (channel: string) => connector.updates().filter((call) => call.path.includes(channel));

test("routes by category in two Teams channels; the question's card lands in `support`", async () => {
  await app.postTeams(activities.botAdded());
  await app.postTeams(activities.message("route category:support #Klantvragen", admin));
  await app.postTeams(inBilling("route category:payments #Facturatie"));
  expect(await app.db.prisma.routingTarget.findMany({ orderBy: { ruleId: "asc" } })).toEqual([
    { ruleId: 1, surface: "teams", channelId: TEAMS_CHANNEL },
    { ruleId: 2, surface: "teams", channelId: BILLING },
  ]);
  await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
  await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
  await app.drain();
  expect(connector.channelPosts(TEAMS_CHANNEL)).toHaveLength(1);
  expect(connector.channelPosts(BILLING)).toHaveLength(0);
});

test("moved to `payments`: the old card says so without buttons, a new card appears in the billing channel", async () => {
  const topic = fixture<Json>("discourse/topic_edited.json");
  nock(DISCOURSE_URL)
    .get("/t/4821.json")
    .reply(200, { ...fixture<Json>("discourse/topic.json"), category_id: 7 })
    .get("/site.json")
    .reply(200, fixture("discourse/site.json"));
  expect((await app.postDiscourse("topic_edited", topic)).status).toBe(200);
  await app.drain();
  const old = JSON.stringify(updatesIn(TEAMS_CHANNEL).at(-1)?.body);
  // Teams cannot link a channel by id: the card names no channel it cannot show.
  expect(old).toContain("Moved to another channel by the community");
  expect(old).not.toContain("advocate.claim");
  const posted = connector.channelPosts(BILLING);
  expect(posted).toHaveLength(1);
  expect(JSON.stringify(posted[0]?.body)).toContain("advocate.claim");
  expect(JSON.stringify(posted[0]?.body)).toContain("payments");
  const cards = await app.db.prisma.card.findMany({ orderBy: { createdAt: "asc" } });
  expect(cards.map((card) => [card.channelId, card.movedToChannelId])).toEqual([
    [TEAMS_CHANNEL, BILLING],
    [BILLING, null],
  ]);
});

test("the same webhook again, and the topic moved back and forth before the worker ran: one live card, where the community says", async () => {
  const before = { posts: connector.channelPosts(TEAMS_CHANNEL).length + connector.channelPosts(BILLING).length, updates: connector.updates().length };
  const back = fixture<Json>("discourse/topic_edited.json");
  back.topic.category_id = 5;
  // Moved back, then to payments again: by the time the worker asks, the community says payments.
  nock(DISCOURSE_URL)
    .get("/t/4821.json")
    .times(2)
    .reply(200, { ...fixture<Json>("discourse/topic.json"), category_id: 7 });
  await app.postDiscourse("topic_edited", back);
  await app.postDiscourse("topic_edited", fixture("discourse/topic_edited.json"));
  await app.postDiscourse("topic_edited", back);
  await app.drain();
  const live = await app.db.prisma.card.findMany({ where: { movedToChannelId: null } });
  expect(live.map((card) => card.channelId)).toEqual([BILLING]);
  expect(connector.channelPosts(TEAMS_CHANNEL).length + connector.channelPosts(BILLING).length).toBe(before.posts);
  expect(connector.updates().length).toBe(before.updates);
});
