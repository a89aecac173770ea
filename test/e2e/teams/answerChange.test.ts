// A published answer edited and withdrawn from Teams, through real Bot Framework invokes (task/fetch, task/submit):
// the same core use cases as Slack's modals, the exact PUT and DELETE Discourse gets as the employee, the echo
// in the card's thread, and a forged submit by someone else refused, audited, sending nothing.
import { randomUUID } from "node:crypto";
import nock from "nock";
import { fixture } from "../../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../../support/testApp";
import { FakeSlack } from "../../support/slackApi";
import { FakeConnector, SANNE, TEAMS_CHANNEL, activities, botFramework } from "../../support/teams";
import { communityTakesReply, linkedEmployee } from "../../support/scenario";

const POST_ID = 19081;
const EDITED = "Hoi Marieke, de verrekening staat binnen 5 werkdagen op je rekening; na vrijdag kijk ik met je mee.";
const other = {
  from: { id: "29:1Pz7Wq2LcV8nMx4RkT6yHbJ3gF9dS5aE0uIo1QwErT_zXcVb7NmLk2JhGf4DsB", name: "Piet", aadObjectId: "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f" },
};

let app: TestApp;
let connector: FakeConnector;
let answerId: string;
let thread: string;

beforeAll(async () => {
  app = await startTestApp();
  botFramework();
  connector = new FakeConnector().listen();
  new FakeSlack().listen();
  await app.postTeams(activities.botAdded());
  await app.deps.store.rules.add({
    priority: 10,
    target: { surface: "teams", channelId: TEAMS_CHANNEL },
    categories: [],
    tags: ["facturatie"],
    keywords: [],
    languages: [],
    createdBy: "test",
  });
  await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
  await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
  await app.drain();
  await linkedEmployee(app, SANNE, "sanne.devries", "teams");
  const { scope } = communityTakesReply();
  const submissionKey = randomUUID();
  await app.postTeams(
    activities.taskSubmit({
      action: "advocate.submitAnswer",
      topicId: 4821,
      submissionKey,
      answerText: "Hoi Marieke, dat wordt verrekend.",
      publishAsMe: "true",
    }),
  );
  await app.drain();
  expect(scope.isDone()).toBe(true);
  answerId = (await app.db.prisma.answer.findFirstOrThrow({ where: { status: "published" } })).id;
  const card = await app.db.prisma.card.findFirstOrThrow({ where: { surface: "teams" } });
  thread = `${TEAMS_CHANNEL};messageid=${card.messageRef}`;
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const answer = () => app.db.prisma.answer.findUniqueOrThrow({ where: { id: answerId } });

test("the answered card offers Edit and Withdraw; Edit opens a dialog prefilled with the answer and its id", async () => {
  expect(JSON.stringify(connector.updates().at(-1)?.body)).toContain("advocate.editAnswer");
  const res = await app.postTeams(activities.taskFetch({ action: "advocate.editAnswer", topicId: 4821 }));
  const dialog = JSON.stringify(await res.json());
  expect(dialog).toContain("continue");
  expect(dialog).toContain("Hoi Marieke, dat wordt verrekend.");
  expect(dialog).toContain(answerId);
  expect(dialog).toContain("advocate.submitEditAnswer");
});

test("the author's edit is PUT as them; the thread gets the answer as it now stands", async () => {
  const seen: Array<{ username: string; body: unknown }> = [];
  const put = nock(DISCOURSE_URL)
    .put(`/posts/${POST_ID}.json`)
    .reply(function (_uri, body) {
      seen.push({ username: String(this.req.headers["api-username"]), body });
      return [200, fixture("discourse/update_post_response.json")];
    });
  const submit = activities.taskSubmit({
    action: "advocate.submitEditAnswer",
    topicId: 4821,
    submissionKey: randomUUID(),
    answerId,
    answerText: EDITED,
    reason: "",
  });
  expect(await (await app.postTeams(submit)).json()).toMatchObject({ task: { type: "message" } });
  await app.postTeams(submit);
  await app.drain();
  expect(put.isDone()).toBe(true);
  expect(seen).toEqual([{ username: "sanne.devries", body: { post: { raw: `${EDITED}\n\n<!-- advocate:${answerId} -->` } } }]);
  expect((await answer()).body).toBe(EDITED);
  expect(JSON.stringify(connector.sentTo(thread).at(-1)?.body)).toContain(EDITED);
});

test("an empty edit reopens the dialog with the reason; nothing is sent", async () => {
  const res = await app.postTeams(
    activities.taskSubmit({ action: "advocate.submitEditAnswer", topicId: 4821, submissionKey: randomUUID(), answerId, answerText: "  " }),
  );
  expect(JSON.stringify(await res.json())).toContain("continue");
  await app.drain();
  expect((await answer()).body).toBe(EDITED);
});

test("a forged withdrawal by a colleague is refused and audited; nothing reaches Discourse", async () => {
  const res = await app.postTeams(
    activities.taskSubmit({ action: "advocate.submitWithdrawAnswer", topicId: 4821, submissionKey: randomUUID(), answerId }, other),
  );
  expect(await res.json()).toMatchObject({ task: { type: "message" } });
  await app.drain();
  expect((await answer()).deletedAt).toBeNull();
  const refused = await app.db.prisma.answerChangeAudit.findMany({ where: { allowed: false } });
  expect(refused.map((row) => [row.userId, row.change])).toEqual([[other.from.id, "withdraw"]]);
});

test("the author's withdrawal is DELETEd as them, once; the points go back and the thread says so", async () => {
  const deletes: string[] = [];
  const del = nock(DISCOURSE_URL)
    .delete(`/posts/${POST_ID}.json`)
    .reply(function () {
      deletes.push(String(this.req.headers["api-username"]));
      return [200, ""];
    });
  const fetched = JSON.stringify(await (await app.postTeams(activities.taskFetch({ action: "advocate.withdrawAnswer", topicId: 4821 }))).json());
  expect(fetched).toContain("advocate.submitWithdrawAnswer");
  const submit = activities.taskSubmit({ action: "advocate.submitWithdrawAnswer", topicId: 4821, submissionKey: randomUUID(), answerId });
  await app.postTeams(submit);
  await app.postTeams(submit);
  await app.drain();
  expect(del.isDone()).toBe(true);
  expect(deletes).toEqual(["sanne.devries"]);
  expect((await answer()).deletedAt).not.toBeNull();
  const rows = await app.db.prisma.pointAward.findMany({ orderBy: { id: "asc" } });
  expect(rows.map((row) => [row.points, row.reason])).toEqual([
    [10, "answer_published"],
    [-10, "answer_deleted"],
  ]);
  expect(JSON.stringify(connector.sentTo(thread).at(-1)?.body)).toMatch(/withdrew their answer|ingetrokken/);
});
