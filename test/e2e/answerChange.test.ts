// A published answer edited or withdrawn by its author from Slack, through real signed requests: the exact PUT and
// DELETE Discourse gets (as the employee), once; the echo and the card follow; the community's refusal comes back
// with the text; someone else's forged form is refused, audited, and sends nothing; edits made on the community
// itself reach the echo; a withdrawal's points are taken back once, together with Discourse's post_destroyed.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, answerChangeSubmission, answerSubmission, buttonClick } from "../support/slackPayloads";
import { communityTakesReply, drainUntil, linkedEmployee, routedCard } from "../support/scenario";

const OTHER = "U07OTHER01";
const POST_ID = 19081;
const ANSWER = "Hoi! De maandtermijn wordt verrekend en staat binnen 5 werkdagen weer op je rekening.";
const EDITED = "Hoi! De verrekening staat binnen 5 werkdagen op je rekening; na vrijdag kijk ik persoonlijk met je mee.";

let app: TestApp;
let slack: FakeSlack;
let ts: string;
let answerId: string;

beforeAll(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  ts = await routedCard(app);
  await linkedEmployee(app);
  await linkedEmployee(app, OTHER, "piet.jansen");
  const { scope } = communityTakesReply();
  await app.interaction(answerSubmission(ANSWER, ts));
  await app.drain();
  expect(scope.isDone()).toBe(true);
  answerId = (await app.db.prisma.answer.findFirstOrThrow({ where: { status: "published" } })).id;
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const answer = () => app.db.prisma.answer.findUniqueOrThrow({ where: { id: answerId } });
const audit = () => app.db.prisma.answerChangeAudit.findMany({ orderBy: { id: "asc" }, select: { userId: true, change: true, allowed: true } });
const echoKey = (call: { body: Record<string, unknown> }) => JSON.stringify(call.body.metadata ?? "").includes(answerId);
const echoes = () => slack.of("chat.postMessage").filter((call) => call.body.thread_ts === ts && echoKey(call));

/** Discourse takes the next PUT of our post; `seen` holds the body and the Api-Username it came with. */
function communityTakesEdit(status = 200, body: unknown = fixture("discourse/update_post_response.json")) {
  const seen: Array<{ username: string; body: { post: { raw: string; edit_reason?: string } } }> = [];
  const scope = nock(DISCOURSE_URL)
    .put(`/posts/${POST_ID}.json`)
    .reply(function (_uri, requestBody) {
      seen.push({ username: String(this.req.headers["api-username"]), body: requestBody as never });
      return [status, body];
    });
  return { scope, seen };
}

test("the card of an answered question offers its author Edit and Withdraw; Edit opens the form with the answer's text", async () => {
  const card = slack
    .of("chat.update")
    .filter((call) => call.body.ts === ts)
    .at(-1)!;
  expect(slack.blocksText(card)).toContain("advocate_edit_answer");
  expect(slack.blocksText(card)).toContain("advocate_withdraw_answer");
  await app.interaction(buttonClick("advocate_edit_answer", ts));
  const opened = slack.of("views.open").at(-1)!;
  const view = JSON.parse(String(opened.body.view));
  expect(view.callback_id).toBe("advocate_edit_answer_modal");
  expect(JSON.parse(view.private_metadata)).toEqual({ answerId, locale: "en" });
  expect(view.blocks[1].element.initial_value).toBe(ANSWER);
});

test("someone without an answer on the question is told so, and no form opens", async () => {
  const before = slack.of("views.open").length;
  await app.interaction(buttonClick("advocate_withdraw_answer", ts, { user: OTHER }));
  expect(slack.of("views.open")).toHaveLength(before);
});

test("the author's edit is PUT as them, once, with its reason; the echo in the thread is redrawn in place", async () => {
  const { scope, seen } = communityTakesEdit();
  const res = await app.interaction(
    answerChangeSubmission("advocate_edit_answer_modal", answerId, { text: EDITED, reason: "Termijn verduidelijkt", viewId: "V_EDIT_1" }),
  );
  expect(res.status).toBe(200);
  // A double submit of the same form is the same edit.
  await app.interaction(answerChangeSubmission("advocate_edit_answer_modal", answerId, { text: EDITED, reason: "Termijn verduidelijkt", viewId: "V_EDIT_1" }));
  await app.drain();
  expect(scope.isDone()).toBe(true);
  expect(seen).toEqual([
    { username: "sanne.devries", body: { post: { raw: `${EDITED}\n\n<!-- advocate:${answerId} -->`, edit_reason: "Termijn verduidelijkt" } } },
  ]);
  expect((await answer()).body).toBe(EDITED);
  const [echo] = echoes();
  const update = slack.of("chat.update").find((call) => call.body.ts === echo!.ts)!;
  expect(String(update.body.text)).toContain(EDITED);
  expect(String(update.body.text)).toContain("(edited)");
  expect(echoes()).toHaveLength(1);
});

test("an edit the community refuses (422, too short) comes back to the author with the reason and their text; nothing changes here", async () => {
  const { scope } = communityTakesEdit(422, fixture("discourse/update_post_too_short.json"));
  const dms = slack.of("chat.postMessage").filter((call) => call.body.channel === PRIYA).length;
  await app.interaction(answerChangeSubmission("advocate_edit_answer_modal", answerId, { text: "Klopt.", viewId: "V_EDIT_2" }));
  await app.drain();
  expect(scope.isDone()).toBe(true);
  expect((await answer()).body).toBe(EDITED);
  const dm = slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === PRIYA)
    .slice(dms);
  expect(dm).toHaveLength(1);
  const text = slack.blocksText(dm[0]!);
  expect(text).toContain("Body is too short (minimum is 20 characters)");
  expect(text).toContain("Klopt.");
});

test("a forged edit or withdrawal of someone else's answer is refused and audited, and nothing reaches Discourse", async () => {
  const edit = await app.interaction(
    answerChangeSubmission("advocate_edit_answer_modal", answerId, { text: "Gekaapt antwoord van iemand anders.", user: OTHER, viewId: "V_FORGED" }),
  );
  expect(JSON.stringify(await edit.json())).toContain("Only the author of an answer can edit or withdraw it.");
  const withdraw = await app.interaction(answerChangeSubmission("advocate_withdraw_answer_modal", answerId, { user: OTHER, viewId: "V_FORGED_2" }));
  expect(JSON.stringify(await withdraw.json())).toContain("Only the author of an answer can edit or withdraw it.");
  await app.drain();
  expect(nock.pendingMocks().filter((mock) => mock.includes(DISCOURSE_URL))).toEqual([]);
  expect((await answer()).body).toBe(EDITED);
  expect((await answer()).deletedAt).toBeNull();
  expect((await audit()).filter((row) => row.userId === OTHER)).toEqual([
    { userId: OTHER, change: "edit", allowed: false },
    { userId: OTHER, change: "withdraw", allowed: false },
  ]);
  expect((await audit()).filter((row) => row.userId === PRIYA).every((row) => row.allowed)).toBe(true);
});

test("an edit made on the community itself (post_edited) is read back from the API and redraws the echo", async () => {
  const onCommunity = "Aanvulling via de community: de verrekening verschijnt als aparte regel op je factuur.";
  const body = fixture<Record<string, any>>("discourse/post_created.json");
  Object.assign(body.post, { id: POST_ID, topic_id: 4821, post_number: 3, username: "sanne.devries", version: 3, cooked: "<p>hint</p>", raw: "hint" });
  const read = nock(DISCOURSE_URL)
    .get(`/posts/${POST_ID}.json`)
    .reply(200, { id: POST_ID, topic_id: 4821, post_number: 3, deleted_at: null, user_deleted: false, raw: `${onCommunity}\n\n<!-- advocate:${answerId} -->` });
  expect((await app.postDiscourse("post_edited", body)).status).toBe(200);
  await app.drain();
  expect(read.isDone()).toBe(true);
  expect((await answer()).body).toBe(onCommunity);
  const [echo] = echoes();
  const last = slack
    .of("chat.update")
    .filter((call) => call.body.ts === echo!.ts)
    .at(-1)!;
  expect(String(last.body.text)).toContain(onCommunity);
});

test("a withdrawal while Discourse is down waits, is DELETEd once as the author when it is back, and takes the points back once", async () => {
  const deletes: string[] = [];
  const down = nock(DISCOURSE_URL)
    .delete(`/posts/${POST_ID}.json`)
    .times(2)
    .reply(function () {
      deletes.push(String(this.req.headers["api-username"]));
      return [503, "Service Unavailable"];
    });
  await app.interaction(buttonClick("advocate_withdraw_answer", ts));
  expect(JSON.parse(String(slack.of("views.open").at(-1)!.body.view)).callback_id).toBe("advocate_withdraw_answer_modal");
  await app.interaction(answerChangeSubmission("advocate_withdraw_answer_modal", answerId, { viewId: "V_WD_1" }));
  await app.drain();
  expect(deletes.length).toBeGreaterThanOrEqual(1);
  expect((await answer()).deletedAt).toBeNull();
  const back = nock(DISCOURSE_URL)
    .delete(`/posts/${POST_ID}.json`)
    .reply(function () {
      deletes.push(String(this.req.headers["api-username"]));
      return [200, ""];
    });
  await drainUntil(app, async () => (await answer()).deletedAt !== null);
  expect(down.isDone() && back.isDone()).toBe(true);
  expect(new Set(deletes)).toEqual(new Set(["sanne.devries"]));
  // Submitted again (a second confirmation): the answer is withdrawn once.
  await app.interaction(answerChangeSubmission("advocate_withdraw_answer_modal", answerId, { viewId: "V_WD_2" }));
  await app.drain();
  const employee = await app.db.prisma.employee.findFirstOrThrow({ where: { externalId: PRIYA } });
  const rows = async () =>
    (await app.db.prisma.pointAward.findMany({ where: { employeeId: employee.id }, orderBy: { id: "asc" } })).map((row) => [row.points, row.reason]);
  expect((await rows()).filter(([points]) => Number(points) < 0)).toEqual([[-10, "answer_deleted"]]);
  // Discourse then sends post_destroyed: checked against the API, it revokes nothing twice.
  const check = nock(DISCOURSE_URL)
    .get(`/posts/${POST_ID}.json`)
    .reply(200, { id: POST_ID, topic_id: 4821, post_number: 3, deleted_at: null, user_deleted: true, raw: "" });
  const destroyed = fixture<Record<string, any>>("discourse/post_created.json");
  Object.assign(destroyed.post, { id: POST_ID, topic_id: 4821, post_number: 3, username: "sanne.devries", deleted_at: "2026-11-21T09:00:00.000Z" });
  expect((await app.postDiscourse("post_destroyed", destroyed)).status).toBe(200);
  await app.drain();
  expect(check.isDone()).toBe(true);
  expect((await rows()).filter(([points]) => Number(points) < 0)).toEqual([[-10, "answer_deleted"]]);
  // The echo says it was withdrawn; the card is open again, without the author's controls.
  const [echo] = echoes();
  expect(
    String(
      slack
        .of("chat.update")
        .filter((call) => call.body.ts === echo!.ts)
        .at(-1)!.body.text,
    ),
  ).toContain("Sanne withdrew their answer.");
  const question = await app.db.prisma.question.findFirstOrThrow();
  expect(question.status).toBe("open");
  const card = slack
    .of("chat.update")
    .filter((call) => call.body.ts === ts)
    .at(-1)!;
  expect(slack.blocksText(card)).not.toContain("advocate_withdraw_answer");
  expect(slack.blocksText(card)).toContain("advocate_answer");
});
