// A reply without @Advocate in a card's Teams thread (delivered thanks to resource-specific consent) becomes a draft
// answer offered to its author alone, in their personal chat; Publish goes the answer dialog's way, once; an
// @mention in the same thread is still a command; edits and deletions move the draft. Real Bot Framework tokens.
import nock from "nock";
import { fixture } from "../../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../../support/testApp";
import { FakeSlack } from "../../support/slackApi";
import { ADMIN_AAD, FakeConnector, SANNE, TEAMS_CHANNEL, activities, botFramework } from "../../support/teams";
import { communityTakesReply, linkedEmployee } from "../../support/scenario";

const ADMIN = { id: "29:1Pz7Wq2LcV8nMx4RkT6yHbJ3gF9dS5aE0uIo1QwErT_zXcVb7NmLk2JhGf4DsA", name: "Admin", aadObjectId: ADMIN_AAD };
type Activity = Record<string, any>;
const REPLY = fixture<Activity>("teams/message_thread_reply.json");

let app: TestApp;
let connector: FakeConnector;
let root: string;

beforeEach(async () => {
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
  root = (await app.db.prisma.card.findFirstOrThrow({ where: { surface: "teams" } })).messageRef as string;
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

/** The fixture reply, in the card's thread, with its own id and text. */
function reply(extra: Activity = {}): Activity {
  return { ...REPLY, conversation: { ...REPLY.conversation, id: `${TEAMS_CHANNEL};messageid=${root}` }, replyToId: root, ...extra };
}
const post = async (activity: Activity) => {
  expect((await app.postTeams(activity)).status).toBe(200);
  await app.drain();
};
const personal = () => connector.sentTo("a:personal");
const inChannel = () => connector.sentTo(TEAMS_CHANNEL);
const draft = () => app.db.prisma.replyDraft.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
const press = async (verb: string, data: unknown, from: Activity = REPLY.from) => {
  const res = await app.postTeams(activities.cardAction(verb, data, { from }));
  expect(res.status).toBe(200);
  const body = JSON.stringify(await res.json());
  await app.drain();
  return body;
};

test("a reply without @Advocate in a card's thread is offered to its author in personal chat; Publish twice makes one post", async () => {
  await linkedEmployee(app, SANNE, "sanne.devries", "teams");
  const before = inChannel().length;
  await post(reply());
  // Not a command: nothing said in the channel.
  expect(inChannel()).toHaveLength(before);
  expect(personal()).toHaveLength(1);
  const offer = FakeConnector.text(personal()[0]);
  expect(offer).toContain("@sanne.devries");
  expect(offer).toContain("dubbele afschrijving terugvragen");
  expect(offer).toContain("advocate.draft.publish");
  expect(offer).toContain("advocate.editDraft");
  const saved = await draft();
  expect(saved).toMatchObject({ state: "offered", replyRef: REPLY.id, body: REPLY.text });

  // Someone else pressing Publish with Sanne's draft id: refused (in the presser's language, Dutch here).
  expect(await press("advocate.draft.publish", { draftId: saved.id }, ADMIN)).toContain("Alleen wie deze reactie schreef");
  expect(await app.db.prisma.answer.count()).toBe(0);

  const { scope, posted } = communityTakesReply();
  expect(await press("advocate.draft.publish", { draftId: saved.id })).toContain("sanne.devries");
  await press("advocate.draft.publish", { draftId: saved.id });
  expect(scope.isDone()).toBe(true);
  expect(posted).toMatchObject({ username: "sanne.devries", raw: expect.stringContaining(REPLY.text) });
  expect(await app.db.prisma.answer.count()).toBe(1);
  expect((await draft()).state).toBe("published");
});

test("an @mention in the thread is still a command; other chatter and other threads are not Advocate's", async () => {
  await linkedEmployee(app, SANNE, "sanne.devries", "teams");
  await post(activities.message("help", { conversation: { ...REPLY.conversation, id: `${TEAMS_CHANNEL};messageid=${root}` }, id: "1763641700000" }));
  expect(inChannel().length).toBeGreaterThan(0);
  expect(await app.db.prisma.replyDraft.count()).toBe(0);
  // A new post in the channel (its own thread) and a reply in someone else's thread: nothing.
  await post(reply({ id: "1763641800000", conversation: { ...REPLY.conversation, id: `${TEAMS_CHANNEL};messageid=1763641800000` } }));
  await post(reply({ id: "1763641900000", conversation: { ...REPLY.conversation, id: `${TEAMS_CHANNEL};messageid=1700000000000` } }));
  expect(await app.db.prisma.replyDraft.count()).toBe(0);
  expect(personal()).toHaveLength(0);
});

test("the reply edited before Publish: the draft follows; deleted: it disappears; Not an answer dismisses", async () => {
  await linkedEmployee(app, SANNE, "sanne.devries", "teams");
  await post(reply());
  const edited = "Terugvragen kan via Mijn Voltaro > Facturen > Terugbetaling.";
  await post(reply({ type: "messageUpdate", text: edited, channelData: { ...REPLY.channelData, eventType: "editMessage" } }));
  expect((await draft()).body).toBe(edited);
  expect(FakeConnector.text(personal().at(-1))).toContain("Terugbetaling");
  await post(reply({ type: "messageDelete", text: undefined, channelData: { ...REPLY.channelData, eventType: "softDeleteMessage" } }));
  expect((await draft()).state).toBe("withdrawn");
  expect(await press("advocate.draft.publish", { draftId: (await draft()).id })).toContain("Dit concept wacht niet meer");

  await post(reply({ id: "1763642000000", text: "Even checken bij finance." }));
  expect(await press("advocate.draft.dismiss", { draftId: (await draft()).id })).toContain("er is niets gepubliceerd");
  expect((await draft()).state).toBe("dismissed");
  expect(await app.db.prisma.answer.count()).toBe(0);
});

test("Edit first opens the answer dialog with the reply in it, from personal chat; its submit is the draft's one answer", async () => {
  await linkedEmployee(app, SANNE, "sanne.devries", "teams");
  await post(reply());
  const saved = await draft();
  const fetched = await app.postTeams(
    activities.taskFetch({ action: "advocate.editDraft", draftId: saved.id }, { conversation: activities.personal("").conversation }),
  );
  const dialog = JSON.stringify(await fetched.json());
  expect(dialog).toContain("dubbele afschrijving terugvragen");
  expect(dialog).toContain(saved.id);
  const { scope, posted } = communityTakesReply();
  const submit = activities.taskSubmit(
    {
      action: "advocate.submitAnswer",
      topicId: "4821",
      submissionKey: "8b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e",
      draftId: saved.id,
      answerText: `${REPLY.text} Groet, Sanne`,
      publishAsMe: "true",
    },
    { conversation: activities.personal("").conversation },
  );
  expect((await app.postTeams(submit)).status).toBe(200);
  await app.drain();
  expect(scope.isDone()).toBe(true);
  expect(posted.raw).toContain("Groet, Sanne");
  await press("advocate.draft.publish", { draftId: saved.id });
  expect(await app.db.prisma.answer.count()).toBe(1);
});

test("not linked: the offer links in one click, and once linked the draft comes back", async () => {
  await post(reply());
  const offer = FakeConnector.text(personal()[0]);
  expect(offer).toContain("advocate.link.start");
  expect(offer).not.toContain("advocate.draft.publish");
  nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).reply(200, fixture("discourse/users_by_email.json"));
  await press("advocate.link.start", {});
  expect(FakeConnector.text(personal().at(-1))).toContain("advocate.link.accept");
  await press("advocate.link.accept", { username: "sanne.devries" });
  const back = FakeConnector.text(personal().at(-1));
  expect(back).toContain("@sanne.devries");
  expect(back).toContain("advocate.draft.publish");
  expect(back).toContain("dubbele afschrijving terugvragen");
});

test("Answer before linking: the dialog's [Link my community account] starts the consent flow", async () => {
  const fetched = await app.postTeams(activities.taskFetch({ action: "advocate.answer", topicId: 4821 }));
  expect(JSON.stringify(await fetched.json())).toContain("advocate.linkStart");
  nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).reply(200, fixture("discourse/users_by_email.json"));
  const submitted = await app.postTeams(activities.taskSubmit({ action: "advocate.linkStart" }));
  expect(await submitted.json()).toMatchObject({ task: { type: "message", value: expect.stringContaining("We zoeken je community-account op") } });
  await app.drain();
  expect(FakeConnector.text(personal().at(-1))).toContain("advocate.link.accept");
});
