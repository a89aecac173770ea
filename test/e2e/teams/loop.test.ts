// The whole loop through Teams, over real HTTP with real Bot Framework tokens: installed in a team →
// an admin routes a tag → card in the channel → link with consent → claim → answer in a dialog →
// published once under the employee's name → card, thread, DM, points, leaderboard.
import nock from "nock";
import { fixture } from "../../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../../support/testApp";
import { FakeSlack } from "../../support/slackApi";
import { ADMIN_AAD, FakeConnector, SANNE, TEAM, TEAMS_CHANNEL, activities, botFramework } from "../../support/teams";

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

const admin = { from: { id: "29:1Pz7Wq2LcV8nMx4RkT6yHbJ3gF9dS5aE0uIo1QwErT_zXcVb7NmLk2JhGf4DsA", name: "Admin", aadObjectId: ADMIN_AAD } };
const cardJson = (response: unknown) => JSON.stringify(response);

async function card() {
  const found = await app.db.prisma.card.findFirstOrThrow({ where: { surface: "teams", channelId: TEAMS_CHANNEL } });
  expect(found.messageRef).toBeTruthy();
  return found;
}

test("added to a team, Advocate remembers the team's channels", async () => {
  expect((await app.postTeams(activities.botAdded())).status).toBe(200);
  const channels = await app.db.prisma.chatAddress.findMany({ where: { surface: "teams", kind: "channel" }, orderBy: { externalId: "asc" } });
  expect(channels.map((row) => row.externalId).sort()).toEqual(["19:billing@thread.tacv2", TEAM, TEAMS_CHANNEL].sort());
  expect(channels.find((row) => row.externalId === "19:billing@thread.tacv2")?.reference).toMatchObject({
    serviceUrl: "https://smba.trafficmanager.net/emea/",
    name: "Facturatie",
  });
});

test("an admin routes a tag to this channel with `@Advocate route tag:… #Klantvragen`; others may not", async () => {
  await app.postTeams(activities.message("route tag:x"));
  expect(cardJson(connector.sentTo(TEAMS_CHANNEL).at(-1)?.body)).toContain("Alleen Advocate-beheerders");
  expect((await app.postTeams(activities.message("route tag:facturatie lang:nl #Klantvragen", admin))).status).toBe(200);
  expect(cardJson(connector.sentTo(TEAMS_CHANNEL).at(-1)?.body)).toContain("#1");
  const rules = await app.db.prisma.routingTarget.findMany();
  expect(rules).toEqual([{ ruleId: 1, surface: "teams", channelId: TEAMS_CHANNEL }]);
  await app.postTeams(activities.message("language nl", admin));
});

test("a new Dutch topic becomes one Adaptive Card in the routed Teams channel", async () => {
  await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
  await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
  await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"), { eventId: "redelivered-1" });
  await app.drain();
  const posts = connector.channelPosts();
  expect(posts).toHaveLength(1);
  const body = cardJson(posts[0]?.body);
  expect(body).toContain("application/vnd.microsoft.card.adaptive");
  expect(body).toContain("Factuur dubbel afgeschreven");
  expect(body).toContain("Action.Execute");
  expect(body).toContain("advocate.claim");
  expect(body).toContain("task/fetch");
  expect(body).toContain("Beantwoorden");
  expect(posts[0]?.body.tenantId).toBe("6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
  expect((await card()).messageRef).toMatch(/^\d+$/);
});

test("Answer before linking: the dialog says how to link, with the button that does it", async () => {
  const res = await app.postTeams(activities.taskFetch({ action: "advocate.answer", topicId: 4821 }));
  expect(res.status).toBe(200);
  const dialog = await res.json();
  expect(dialog).toMatchObject({ task: { type: "continue" } });
  expect(JSON.stringify(dialog)).toContain("@Advocate link");
  expect(JSON.stringify(dialog)).toContain("advocate.linkStart");
});

test("link: Entra ID email → community account → consent card → linked only on the employee's own yes", async () => {
  const discourse = nock(DISCOURSE_URL)
    .get("/admin/users/list/active.json")
    .query({ email: "sanne.devries@voltaro.example", show_emails: "true" })
    .reply(200, fixture("discourse/users_by_email.json"));
  await app.postTeams(activities.personal("link"));
  expect(cardJson(connector.sentTo("a:personal").at(-1)?.body)).toContain("We zoeken je community-account op");
  await app.drain();
  expect(discourse.isDone()).toBe(true);
  expect(connector.calls.some((call) => call.method === "GET" && call.path.includes(`/members/${SANNE}`))).toBe(true);
  const offer = connector.sentTo("a:personal").at(-1);
  expect(cardJson(offer?.body)).toContain("advocate.link.accept");
  expect(cardJson(offer?.body)).toContain("@sanne.devries");

  const res = await app.postTeams(
    activities.cardAction(
      "advocate.link.accept",
      { username: "sanne.devries" },
      {
        conversation: { conversationType: "personal", tenantId: "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", id: "a:personal-chat" },
        channelData: { tenant: { id: "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" } },
      },
    ),
  );
  expect(cardJson(await res.json())).toContain("@sanne.devries");
  const sanne = await app.db.prisma.employee.findFirstOrThrow({ where: { surface: "teams", externalId: SANNE } });
  expect(sanne.communityUsername).toBe("sanne.devries");
  expect(sanne.locale).toBe("nl");
});

test("Claim answers with the updated card and redraws it for everyone; a colleague cannot take it", async () => {
  const res = await app.postTeams(activities.cardAction("advocate.claim", { topicId: 4821 }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { statusCode: number; type: string; value: unknown };
  expect(body.statusCode).toBe(200);
  expect(cardJson(body.value)).toContain("pakt dit op");
  expect(cardJson(body.value)).toContain("advocate.release");
  await app.drain();
  const { messageRef } = await card();
  const update = connector.updates().at(-1);
  expect(update?.path).toBe(`/v3/conversations/${TEAMS_CHANNEL};messageid=${messageRef}/activities/${messageRef}`);
  expect(cardJson(update?.body)).toContain("pakt dit op");

  const colleague = { from: { id: "29:colleague", name: "Joris", aadObjectId: "0f0e0d0c-0b0a-4909-8807-060504030201" }, locale: "en-US" };
  const taken = await app.postTeams(activities.cardAction("advocate.claim", { topicId: 4821 }, colleague));
  expect(cardJson(await taken.json())).toContain("is already on this one");
});

test("a click answers from the rows it read: the card and the person once each, the claimant only when someone else", async () => {
  const { store } = app.deps;
  const reads = [
    jest.spyOn(store.questions, "byTopic"),
    jest.spyOn(store.employees, "ensure"),
    jest.spyOn(store.cards, "byId"),
    jest.spyOn(store.employees, "byId"),
  ];
  const again = await app.postTeams(activities.cardAction("advocate.claim", { topicId: 4821 }));
  expect(cardJson(await again.json())).toContain("advocate.release");
  expect(reads.map((read) => read.mock.calls.length)).toEqual([1, 1, 0, 0]);

  const colleague = { from: { id: "29:colleague", name: "Joris", aadObjectId: "0f0e0d0c-0b0a-4909-8807-060504030201" }, locale: "en-US" };
  const seen = await app.postTeams(activities.cardAction("advocate.refresh", { topicId: 4821 }, colleague));
  expect(cardJson(await seen.json())).toContain("Sanne");
  expect(reads.map((read) => read.mock.calls.length)).toEqual([2, 2, 0, 1]);
  for (const read of reads) read.mockRestore();
});

test("the answer dialog: inline problems keep the text; a double submit publishes once, with card, thread, DM and points", async () => {
  const opened = await app.postTeams(activities.taskFetch({ action: "advocate.answer", topicId: 4821 }));
  const dialog = (await opened.json()) as { task: { type: string; value: { card: { content: { actions: Array<{ data: { submissionKey: string } }> } } } } };
  expect(dialog.task.type).toBe("continue");
  expect(cardJson(dialog)).toContain("@sanne.devries");
  const submissionKey = dialog.task.value.card.content.actions[0]!.data.submissionKey;

  const noConsent = await app.postTeams(
    activities.taskSubmit({ action: "advocate.submitAnswer", topicId: 4821, submissionKey, answerText: "Mijn concept", publishAsMe: "false" }),
  );
  const again = cardJson(await noConsent.json());
  expect(again).toContain("continue");
  expect(again).toContain("Mijn concept");
  expect(await app.db.prisma.answer.count()).toBe(0);

  let published: { headers: Record<string, string>; body: { raw: string } } | null = null;
  const discourse = nock(DISCOURSE_URL)
    .post("/posts.json")
    .reply(function (_uri, body) {
      published = { headers: this.req.headers as Record<string, string>, body: body as { raw: string } };
      return [200, fixture("discourse/create_post_response.json")];
    });
  const answer = "Hoi Marieke, de maandtermijn wordt automatisch verrekend.";
  const submit = activities.taskSubmit({ action: "advocate.submitAnswer", topicId: 4821, submissionKey, answerText: answer, publishAsMe: "true" });
  const first = await app.postTeams(submit);
  expect(await first.json()).toMatchObject({ task: { type: "message", value: expect.stringContaining("@sanne.devries") } });
  expect((await app.postTeams(submit)).status).toBe(200);
  await app.drain();

  expect(discourse.isDone()).toBe(true);
  expect(published!.headers["api-username"]).toBe("sanne.devries");
  expect(published!.body.raw).toContain(answer);
  expect(await app.db.prisma.answer.count()).toBe(1);
  const { messageRef } = await card();
  expect(cardJson(connector.updates().at(-1)?.body)).toContain("Beantwoord door");
  const thread = connector.sentTo(`${TEAMS_CHANNEL};messageid=${messageRef}`).at(-1);
  expect(cardJson(thread?.body)).toContain("automatisch verrekend");
  expect(cardJson(connector.sentTo("a:personal").at(-1)?.body)).toContain("+10 punten");
  expect(await app.db.prisma.pointAward.count()).toBe(1);
});

test("points and leaderboard in the personal chat, in the user's language", async () => {
  await app.postTeams(activities.personal("leaderboard month"));
  const board = cardJson(connector.sentTo("a:personal").at(-1)?.body);
  expect(board).toContain("Sanne de Vries");
  expect(board).toContain("10 punten");
  await app.postTeams(activities.personal("points", { locale: "en-US" }));
  expect(cardJson(connector.sentTo("a:personal").at(-1)?.body)).toContain("**10** points");
  await app.postTeams(activities.personal("help", { locale: "en-US" }));
  const help = cardJson(connector.sentTo("a:personal").at(-1)?.body);
  expect(help).toContain("@Advocate points");
  expect(help).not.toContain("/advocate");
});
