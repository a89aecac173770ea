// "Draft with AI" in the Teams answer dialog: the same core draft as Slack, shown in the dialog for the employee
// to edit; submitted, the answer carries the AI-assisted label. The employee reads Dutch here.
import nock from "nock";
import { fixture } from "../../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../../support/testApp";
import { askTopic, communityTakesReply, linkedEmployee } from "../../support/scenario";
import { aiEnv, classificationText, modelAnswers } from "../../support/openAi";
import { FakeConnector, SANNE, TEAMS_CHANNEL, activities, botFramework } from "../../support/teams";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ env: { ...aiEnv, AI_ASSISTED_LABEL: "(met hulp van AI)" } });
  botFramework();
  new FakeConnector().listen();
  await app.postTeams(activities.botAdded());
  await app.deps.store.channels.setFallback("teams", TEAMS_CHANNEL);
  await linkedEmployee(app, SANNE, "sanne.devries", "teams");
  modelAnswers(classificationText({ confidence: 0.2 }));
  await askTopic(app, 4821, "Factuur dubbel afgeschreven na overstap", { body: "Ik ben twee keer afgeschreven na de overstap en dat is niet de bedoeling." });
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

type Dialog = {
  task: {
    type: string;
    value: { card: { content: { body: Array<Record<string, unknown>>; actions: Array<{ title: string; data: Record<string, string> }> } } };
  };
};

test("the dialog's draft button fills in a draft; the answer published from it is labelled", async () => {
  const opened = (await (await app.postTeams(activities.taskFetch({ action: "advocate.answer", topicId: 4821 }))).json()) as Dialog;
  const actions = opened.task.value.card.content.actions;
  expect(actions.map((action) => action.data.action)).toEqual(["advocate.submitAnswer", "advocate.draftAnswer"]);
  const { submissionKey } = actions[1]!.data as { submissionKey: string };

  const draft = "Hoi Marieke, de dubbele afschrijving kun je terugvragen via Mijn Voltaro > Facturen.";
  nock(DISCOURSE_URL).get("/t/4821.json").reply(200, fixture("discourse/topic.json")).get("/search.json").query(true).reply(200, { posts: [], topics: [] });
  modelAnswers(JSON.stringify({ draft }));
  const drafted = (await (
    await app.postTeams(activities.taskSubmit({ action: "advocate.draftAnswer", topicId: 4821, submissionKey, answerText: "" }))
  ).json()) as Dialog;
  const card = drafted.task.value.card.content;
  expect(card.body.find((element) => element.id === "answerText")?.value).toBe(draft);
  expect(JSON.stringify(card.body)).toContain("Geen vergelijkbare opgeloste topics");
  expect(card.actions[0]!.data).toMatchObject({ action: "advocate.submitAnswer", submissionKey, aiAssisted: "true" });
  expect(await app.db.prisma.answer.count()).toBe(0);

  const publish = communityTakesReply();
  await app.postTeams(activities.taskSubmit({ ...card.actions[0]!.data, topicId: 4821, answerText: draft, publishAsMe: "true" }));
  await app.drain();
  expect(publish.scope.isDone()).toBe(true);
  expect(publish.posted.raw).toContain(`${draft}\n\n(met hulp van AI)`);
});
