// "Draft with AI" in Slack's answer modal: a draft in the customer's language, grounded in the thread and in
// accepted answers from the community's search (listed as sources), with personal data redacted before it leaves;
// it only fills the form, and the answer published from it carries the company's "(AI-assisted)" label.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { CHANNEL, PRIYA, buttonClick, slashCommand } from "../support/slackPayloads";
import { askTopic, communityTakesReply, linkedEmployee } from "../support/scenario";
import { AI_BASE_URL, aiEnv, classificationText, modelAnswers, type ModelRequest } from "../support/openAi";

let app: TestApp;
let slack: FakeSlack;

const DRAFT = "Hoi Marieke, de dubbele afschrijving kun je terugvragen via Mijn Voltaro > Facturen. Binnen 5 werkdagen staat het terug.";

beforeAll(async () => {
  app = await startTestApp({ env: { ...aiEnv, AI_ASSISTED_LABEL: "(AI-assisted)" } });
  slack = new FakeSlack().listen();
  await app.deps.store.channels.setFallback("slack", CHANNEL);
  await linkedEmployee(app);
  modelAnswers(classificationText({ confidence: 0.2 }));
  await askTopic(app, 4821, "Factuur dubbel afgeschreven na overstap", {
    body: "Ik ben twee keer afgeschreven na de overstap en dat is niet de bedoeling. Mail me op marieke@voorbeeld.nl of bel 06-12345678.",
  });
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const cardTs = async () => (await app.db.prisma.card.findFirstOrThrow({ where: { channelId: CHANNEL } })).messageRef as string;

/** The open answer modal's id and private_metadata, as Slack sends them back with a click inside the modal. */
async function openModal() {
  await app.interaction(buttonClick("advocate_answer", await cardTs()));
  const view = JSON.parse(String(slack.of("views.open").at(-1)!.body.view)) as { private_metadata: string; blocks: unknown[] };
  return view;
}

function draftClick(privateMetadata: string) {
  const payload = buttonClick("advocate_draft", "1.0");
  delete payload.channel;
  delete payload.message;
  payload.container = { type: "view", view_id: "V0ANSWER1" };
  payload.view = {
    id: "V0ANSWER1",
    type: "modal",
    callback_id: "advocate_answer_modal",
    private_metadata: privateMetadata,
    state: { values: {} },
    hash: "1763633650.abc",
  };
  payload.actions = [
    { action_id: "advocate_draft", block_id: "draft", type: "button", text: { type: "plain_text", text: "Draft" }, action_ts: "1763633660.000100" },
  ];
  return payload;
}

/** The community: this thread, a search that finds a solved topic, and that topic with its accepted answer. */
function communityKnows() {
  const solved = fixture<Record<string, any>>("discourse/topic.json");
  solved.id = 4700;
  solved.title = "Dubbele incasso terugvragen";
  solved.slug = "dubbele-incasso-terugvragen";
  solved.accepted_answer = { post_number: 2, username: "j.okafor", excerpt: "Via Mijn Voltaro" };
  solved.post_stream.posts[1].cooked = "<p>Je vraagt een dubbele incasso terug via <strong>Mijn Voltaro &gt; Facturen</strong>; bel anders 020-1234567.</p>";
  return nock(DISCOURSE_URL)
    .get("/t/4821.json")
    .reply(200, fixture("discourse/topic.json"))
    .get("/search.json")
    .query({ q: "Factuur dubbel afgeschreven na overstap status:solved" })
    .reply(200, { posts: [], topics: [{ id: 4821 }, { id: 4700 }], grouped_search_result: {} })
    .get("/t/4700.json")
    .reply(200, solved);
}

test("the modal offers a draft; the draft fills the answer field with its sources, and nothing personal left", async () => {
  const modal = await openModal();
  expect(JSON.stringify(modal.blocks)).toContain("advocate_draft");
  const community = communityKnows();
  const requests: ModelRequest[] = [];
  modelAnswers(JSON.stringify({ draft: DRAFT }), { requests });

  expect((await app.interaction(draftClick(modal.private_metadata))).status).toBe(200);
  await app.idle();

  expect(community.isDone()).toBe(true);
  const updates = slack.of("views.update").map((call) => String(call.body.view));
  expect(updates[0]).toContain("Drafting");
  const last = JSON.parse(updates.at(-1)!) as { blocks: Array<Record<string, any>>; private_metadata: string };
  const field = last.blocks.find((block) => block.block_id === "answer_1");
  expect(field?.element.initial_value).toBe(DRAFT);
  expect(JSON.stringify(last.blocks)).toContain("dubbele-incasso-terugvragen/4700|Dubbele incasso terugvragen");
  expect(JSON.parse(last.private_metadata)).toMatchObject({ topicId: 4821, drafts: 1 });

  // What left the company: the thread and the accepted answer, redacted; the customer's language asked for.
  const sent = requests[0]!;
  expect(sent.response_format.json_schema.name).toBe("answer_draft");
  const user = JSON.parse(sent.messages[1]!.content) as { language: string; thread: unknown[]; acceptedAnswers: Array<{ answer: string }> };
  expect(user.language).toBe("nl");
  expect(user.acceptedAnswers).toHaveLength(1);
  expect(user.acceptedAnswers[0]!.answer).toContain("Mijn Voltaro > Facturen");
  expect(sent.messages[1]!.content).not.toMatch(/marieke@voorbeeld\.nl|06-12345678|020-1234567/);
  expect(sent.messages[1]!.content).toContain("[phone]");
  expect(await app.db.prisma.aiCall.findMany({ where: { purpose: "draft" } })).toEqual([expect.objectContaining({ outcome: "ok", promptTokens: 612 })]);
  // Only a draft: nothing was posted.
  expect(await app.db.prisma.answer.count()).toBe(0);
});

test("the answer submitted from a draft is the employee's, published with the AI-assisted label", async () => {
  const modal = await openModal();
  const payload = fixture<Record<string, any>>("slack/view_submission.json");
  payload.user = { ...payload.user, id: PRIYA };
  payload.view.id = "V0ANSWER1";
  payload.view.private_metadata = JSON.stringify({ ...JSON.parse(modal.private_metadata), drafts: 1 });
  const { consent } = payload.view.state.values;
  const edited = `${DRAFT} Groet, Sanne`;
  payload.view.state.values = { answer_1: { answer_text: { type: "plain_text_input", value: edited } }, consent };
  const publish = communityTakesReply();
  expect((await app.interaction(payload)).status).toBe(200);
  await app.drain();
  expect(publish.scope.isDone()).toBe(true);
  expect(publish.posted.raw).toContain(`${edited}\n\n(AI-assisted)\n\n<!-- advocate:`);
  expect(await app.db.prisma.answer.findFirstOrThrow()).toMatchObject({ aiAssisted: true, body: edited });
});

test("a model that fails leaves the employee's field alone and says why", async () => {
  const modal = await openModal();
  communityKnows();
  const url = new URL(AI_BASE_URL);
  nock(url.origin)
    .post(`${url.pathname}/chat/completions`)
    .reply(500, { error: { message: "overloaded" } });
  await app.interaction(draftClick(modal.private_metadata));
  await app.idle();
  const last = JSON.parse(String(slack.of("views.update").at(-1)!.body.view)) as { blocks: Array<Record<string, any>> };
  expect(JSON.stringify(last.blocks)).toContain("did not answer in time");
  expect(last.blocks.some((block) => block.block_id === "answer")).toBe(true);
  expect(await app.db.prisma.aiCall.count({ where: { purpose: "draft", outcome: "error" } })).toBe(1);
});

test("with AI switched off for the community, the modal offers no draft", async () => {
  await app.slashCommand(slashCommand("ai off", "UADMIN001"));
  const modal = await openModal();
  expect(JSON.stringify(modal.blocks)).not.toContain("advocate_draft");
});
