// Every button, menu and form against the policy's control table (src/core/policy/policy.ts): each control the
// Slack app registers and each Teams verb has a rule, and the rules hold for an employee, HR and an admin pressing
// them through real signed requests. A control added without a rule fails here.
import nock from "nock";
import { App } from "@slack/bolt";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, answerChangeSubmission, answerSubmission, buttonClick, homeAction } from "../support/slackPayloads";
import { communityTakesReply, linkedEmployee, routedCard } from "../support/scenario";
import { fixture } from "../support/fixtures";
import { CONTROL_RULES, type Control } from "../../src/core/policy/policy";
import { CARD_VERBS, DIALOG_ACTIONS } from "../../src/chat/teams/presenters/questionCard";
import { DRAFT_VERBS, LINK_VERBS } from "../../src/chat/teams/presenters/notice";
import { CHARITY_VERBS } from "../../src/chat/teams/presenters/charityPicker";
import { HOME_VERBS } from "../../src/chat/teams/presenters/homeCard";
import { ROUTE_VERBS } from "../../src/chat/teams/presenters/channelPicker";

const HR = "UHR000001";
const ADMIN = "UADMIN001";

/** Slack's ids for each control (action_id, or a view's callback_id). */
const SLACK: Record<string, Control> = {
  advocate_claim: "card claim",
  advocate_release: "card release",
  advocate_answer: "card answer",
  advocate_pass: "card pass",
  advocate_idea_status: "card idea",
  advocate_answer_modal: "answer form",
  advocate_draft: "answer draft",
  advocate_edit_answer: "card edit answer",
  advocate_withdraw_answer: "card withdraw answer",
  advocate_edit_answer_modal: "edit form",
  advocate_withdraw_answer_modal: "withdraw form",
  advocate_pass_modal: "pass form",
  advocate_idea_modal: "idea form",
  advocate_link_accept: "link consent",
  advocate_link_decline: "link consent",
  advocate_link_start: "link start",
  advocate_reply_publish: "draft publish",
  advocate_reply_edit: "draft edit",
  advocate_reply_dismiss: "draft dismiss",
  "/^advocate_charity_pick:\\d+$/": "charity pick",
  advocate_hr_period: "home report",
  advocate_hr_from: "home report",
  advocate_hr_to: "home report",
  advocate_hr_department: "home report",
  advocate_hr_show: "home report",
  advocate_hr_csv: "home report",
};

/** Teams' verbs (Action.Execute) and dialog actions (task/fetch, task/submit) for each control. */
const TEAMS: Record<string, Control> = {
  [CARD_VERBS.claim]: "card claim",
  [CARD_VERBS.release]: "card release",
  [CARD_VERBS.refresh]: "card refresh",
  [DIALOG_ACTIONS.openAnswer]: "card answer",
  [DIALOG_ACTIONS.openPass]: "card pass",
  [DIALOG_ACTIONS.openIdea]: "card idea",
  [DIALOG_ACTIONS.submitAnswer]: "answer form",
  [DIALOG_ACTIONS.draftAnswer]: "answer draft",
  [DIALOG_ACTIONS.openEditAnswer]: "card edit answer",
  [DIALOG_ACTIONS.openWithdrawAnswer]: "card withdraw answer",
  [DIALOG_ACTIONS.submitEditAnswer]: "edit form",
  [DIALOG_ACTIONS.submitWithdrawAnswer]: "withdraw form",
  [DIALOG_ACTIONS.submitPass]: "pass form",
  [DIALOG_ACTIONS.chooseIdeaStatus]: "idea form",
  [DIALOG_ACTIONS.submitIdeaStatus]: "idea form",
  [LINK_VERBS.accept]: "link consent",
  [LINK_VERBS.decline]: "link consent",
  [LINK_VERBS.start]: "link start",
  [DIALOG_ACTIONS.linkStart]: "link start",
  [DRAFT_VERBS.publish]: "draft publish",
  [DIALOG_ACTIONS.editDraft]: "draft edit",
  [DRAFT_VERBS.dismiss]: "draft dismiss",
  [CHARITY_VERBS.pick]: "charity pick",
  [HOME_VERBS.refresh]: "home refresh",
  [HOME_VERBS.report]: "home report",
  [HOME_VERBS.csv]: "home report",
  [ROUTE_VERBS.pick]: "route pick",
};

let app: TestApp;
const registered: string[] = [];

beforeAll(async () => {
  const record = (constraint: unknown) => {
    const id = typeof constraint === "object" && constraint !== null && "action_id" in constraint ? constraint.action_id : constraint;
    registered.push(id instanceof RegExp ? String(id) : String(id));
  };
  const action = App.prototype.action;
  const view = App.prototype.view;
  jest.spyOn(App.prototype, "action").mockImplementation(function (this: App, ...args: Parameters<App["action"]>) {
    record(args[0]);
    return action.apply(this, args as never);
  } as never);
  jest.spyOn(App.prototype, "view").mockImplementation(function (this: App, ...args: Parameters<App["view"]>) {
    record(args[0]);
    return view.apply(this, args as never);
  } as never);
  app = await startTestApp({ env: { ADVOCATE_HR_IDS: HR } });
  new FakeSlack().listen();
});
afterAll(async () => {
  jest.restoreAllMocks();
  nock.cleanAll();
  await app.stop();
});

test("every control Slack registers and every Teams verb has a rule; every rule belongs to a control in use", () => {
  expect(registered.length).toBeGreaterThan(10);
  expect(registered.filter((id) => !(id in SLACK))).toEqual([]);
  expect(Object.keys(SLACK).filter((id) => !registered.includes(id))).toEqual([]);
  const teamsVerbs = [
    ...Object.values(CARD_VERBS),
    ...Object.values(DIALOG_ACTIONS),
    ...Object.values(LINK_VERBS),
    ...Object.values(DRAFT_VERBS),
    ...Object.values(CHARITY_VERBS),
    ...Object.values(HOME_VERBS),
    ...Object.values(ROUTE_VERBS),
  ];
  expect(teamsVerbs.filter((verb) => !(verb in TEAMS))).toEqual([]);
  const used = new Set([...Object.values(SLACK), ...Object.values(TEAMS)]);
  expect(Object.keys(CONTROL_RULES).filter((control) => !used.has(control as Control))).toEqual([]);
});

test("card claim is anyone's; card release is the claimer's own: HR and an admin cannot release an employee's claim", async () => {
  expect(CONTROL_RULES["card claim"]).toBe("anyone");
  expect(CONTROL_RULES["card release"]).toBe("own");
  const ts = await routedCard(app);
  const claimer = async () => {
    const question = await app.db.prisma.question.findFirstOrThrow();
    return question.claimedById ? (await app.db.prisma.employee.findUniqueOrThrow({ where: { id: question.claimedById } })).externalId : null;
  };
  await app.interaction(buttonClick("advocate_claim", ts, { user: PRIYA }));
  expect(await claimer()).toBe(PRIYA);
  for (const other of [HR, ADMIN]) {
    await app.interaction(buttonClick("advocate_release", ts, { user: other }));
    expect(await claimer()).toBe(PRIYA);
  }
  await app.interaction(buttonClick("advocate_release", ts, { user: PRIYA }));
  expect(await claimer()).toBeNull();
  for (const anyone of [HR, ADMIN]) {
    await app.interaction(buttonClick("advocate_claim", ts, { user: anyone }));
    expect(await claimer()).toBe(anyone);
    await app.interaction(buttonClick("advocate_release", ts, { user: anyone }));
  }
});

test("home report controls are HR's: the employee is refused, HR and an admin are let through, each audited", async () => {
  expect(CONTROL_RULES["home report"]).toBe("hr");
  for (const user of [PRIYA, HR, ADMIN]) {
    await app.interaction(homeAction("advocate_hr_csv", user, { period: "month" }));
  }
  const rows = await app.db.prisma.reportAudit.findMany({ orderBy: { id: "asc" }, select: { userId: true, allowed: true } });
  expect(rows).toEqual([
    { userId: PRIYA, allowed: false },
    { userId: HR, allowed: true },
    { userId: ADMIN, allowed: true },
  ]);
});

test("a thread reply's draft is its author's own: HR and an admin pressing Publish, Edit first or Not an answer are refused", async () => {
  for (const control of ["draft publish", "draft edit", "draft dismiss"] as const) expect(CONTROL_RULES[control]).toBe("own");
  const ts = (await app.db.prisma.card.findFirstOrThrow()).messageRef as string;
  const reply = fixture<Record<string, any>>("slack/message_thread_reply.json");
  reply.event.thread_ts = ts;
  await app.postSlack(JSON.stringify(reply), "application/json");
  await app.drain();
  const draft = await app.db.prisma.replyDraft.findFirstOrThrow();
  for (const user of [HR, ADMIN]) {
    for (const action of ["advocate_reply_publish", "advocate_reply_edit", "advocate_reply_dismiss"]) {
      await app.interaction(buttonClick(action, ts, { user, value: draft.id }));
    }
  }
  expect(await app.db.prisma.replyDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ state: "offered", body: reply.event.text });
  expect(await app.db.prisma.answer.count()).toBe(0);
});

test("editing and withdrawing an answer are its author's own: HR and an admin are refused, audited, and nothing is sent", async () => {
  for (const control of ["card edit answer", "card withdraw answer", "edit form", "withdraw form"] as const) expect(CONTROL_RULES[control]).toBe("own");
  const ts = (await app.db.prisma.card.findFirstOrThrow()).messageRef as string;
  await linkedEmployee(app);
  const { scope } = communityTakesReply();
  await app.interaction(answerSubmission("Hoi! De maandtermijn wordt automatisch verrekend.", ts, { viewId: "V_MATRIX_ANSWER" }));
  await app.drain();
  expect(scope.isDone()).toBe(true);
  const answer = await app.db.prisma.answer.findFirstOrThrow({ where: { status: "published" } });
  for (const user of [HR, ADMIN]) {
    await app.interaction(
      answerChangeSubmission("advocate_edit_answer_modal", answer.id, { text: "Niet mijn antwoord, wel mijn tekst.", user, viewId: `V_${user}` }),
    );
    await app.interaction(answerChangeSubmission("advocate_withdraw_answer_modal", answer.id, { user, viewId: `V_${user}_2` }));
  }
  await app.drain();
  const rows = await app.db.prisma.answerChangeAudit.findMany({ orderBy: { id: "asc" }, select: { userId: true, change: true, allowed: true } });
  expect(rows).toEqual(
    [HR, ADMIN].flatMap((userId) => [
      { userId, change: "edit", allowed: false },
      { userId, change: "withdraw", allowed: false },
    ]),
  );
  expect(await app.db.prisma.answer.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({ body: answer.body, deletedAt: null });
});
