// The idea loop through Teams (the employee reads Dutch here): the card's status button opens a dialog (the status, then the reply template in
// the customer's language), which goes to the same core as Slack: a reply under the employee's name, the tag, points.
import nock from "nock";
import { fixture } from "../../support/fixtures";
import { startTestApp, type TestApp } from "../../support/testApp";
import { askTopic, communityTakesReply, linkedEmployee } from "../../support/scenario";
import { FakeConnector, SANNE, TEAMS_CHANNEL, activities, botFramework } from "../../support/teams";

let app: TestApp;
let connector: FakeConnector;

beforeAll(async () => {
  app = await startTestApp();
  botFramework();
  connector = new FakeConnector().listen();
  await app.postTeams(activities.botAdded());
  await app.deps.store.channels.setFallback("teams", TEAMS_CHANNEL);
  await linkedEmployee(app, SANNE, "sanne.devries", "teams");
  await askTopic(app, 4821, "Idee: donkere modus in de app", {
    body: "Het zou fijn zijn als de app een donkere modus had, want 's avonds is het scherm erg fel.",
  });
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

type Dialog = { task: { type: string; value: { card?: { content: { actions: Array<{ data: Record<string, unknown> }> } } } } };
const json = (value: unknown) => JSON.stringify(value);

test("choose a status, edit the template, submit: published once under the employee's name, tagged, paid", async () => {
  expect(json(connector.channelPosts()[0]?.body)).toContain("advocate.idea");

  const opened = (await (await app.postTeams(activities.taskFetch({ action: "advocate.idea", topicId: 4821 }))).json()) as Dialog;
  expect(opened.task.type).toBe("continue");
  expect(json(opened)).toContain("Input.ChoiceSet");
  const { submissionKey } = opened.task.value.card!.content.actions[0]!.data as { submissionKey: string };

  const chosen = await app.postTeams(activities.taskSubmit({ action: "advocate.chooseIdeaStatus", topicId: 4821, submissionKey, status: "launched" }));
  const form = json(await chosen.json());
  expect(form).toContain("Het is live!");
  expect(form).toContain("@sanne.devries");

  const reply = "Het is live! Je vindt de donkere modus onder Instellingen.";
  const noConsent = json(
    await (
      await app.postTeams(
        activities.taskSubmit({
          action: "advocate.submitIdeaStatus",
          topicId: 4821,
          submissionKey,
          status: "launched",
          replyText: reply,
          publishAsMe: "false",
        }),
      )
    ).json(),
  );
  expect(noConsent).toContain("Vink het vakje aan");
  expect(noConsent).toContain(reply);
  expect(await app.db.prisma.ideaUpdate.count()).toBe(0);

  let tags: string[] = [];
  const { scope: community, posted } = communityTakesReply();
  community
    .get("/t/4821.json")
    .reply(200, fixture("discourse/topic.json"))
    .put("/t/-/4821.json")
    .reply((_uri, body) => {
      tags = (body as { tags: string[] }).tags;
      return [200, { basic_topic: { id: 4821 } }];
    });
  const submit = activities.taskSubmit({
    action: "advocate.submitIdeaStatus",
    topicId: 4821,
    submissionKey,
    status: "launched",
    replyText: reply,
    publishAsMe: "true",
  });
  expect(await (await app.postTeams(submit)).json()).toMatchObject({ task: { type: "message", value: expect.stringContaining("@sanne.devries") } });
  expect((await app.postTeams(submit)).status).toBe(200);
  await app.drain();

  expect(community.isDone()).toBe(true);
  expect(posted).toEqual({ username: "sanne.devries", raw: expect.stringContaining(reply) });
  expect(tags).toEqual(["facturatie", "abonnement", "launched"]);
  expect(await app.db.prisma.ideaUpdate.count()).toBe(1);
  expect((await app.db.prisma.question.findFirstOrThrow({ where: { topicId: 4821 } })).ideaStatus).toBe("launched");
  expect(json(connector.updates().at(-1)?.body)).toContain("Idea status: Launched");
  expect(json(connector.sentTo("a:personal").at(-1)?.body)).toContain("+5 punten");
});

test("a status that needs a reason asks for one in the dialog", async () => {
  const submissionKey = "0b6f6c1e-7d0a-4c53-9a43-2f2f6c1b9e11";
  const chosen = json(
    await (await app.postTeams(activities.taskSubmit({ action: "advocate.chooseIdeaStatus", topicId: 4821, submissionKey, status: "not_planned" }))).json(),
  );
  expect(chosen).toContain('"id":"reason"');
  const missing = json(
    await (
      await app.postTeams(
        activities.taskSubmit({
          action: "advocate.submitIdeaStatus",
          topicId: 4821,
          submissionKey,
          status: "not_planned",
          replyText: "We bouwen dit niet.",
          reason: "",
          publishAsMe: "true",
        }),
      )
    ).json(),
  );
  expect(missing).toContain("de klant verdient een reden");
  expect(await app.db.prisma.ideaUpdate.count()).toBe(1);
});

test("someone not linked yet gets the dialog's one click that starts linking, not only words", async () => {
  const stranger = { from: { id: "29:1NotLinkedYetQwErTyUiOpAsDfGhJkLzXcVbNm", name: "Joost", aadObjectId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" } };
  const opened = await (await app.postTeams(activities.taskFetch({ action: "advocate.idea", topicId: 4821 }, stranger))).json();
  expect(opened).toMatchObject({ task: { type: "continue" } });
  expect(json(opened)).toContain("advocate.linkStart");
});
