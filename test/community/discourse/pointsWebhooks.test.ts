// Discourse Solved, likes and deletions at the HTTP boundary: real signed fixture shapes into the real server,
// the ledger checked in the DB, the author's message checked at Slack.
import nock from "nock";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../../support/testApp";
import { fixture } from "../../support/fixtures";
import { FakeSlack } from "../../support/slackApi";
import { answerSources } from "../../../src/core/points/ourAnswer";

interface SolvedBody {
  solved: Record<string, unknown>;
}
interface LikeBody {
  like: { post: Record<string, unknown>; user: Record<string, unknown> };
}

const TABLES = ["InboundEvent", "OutboxItem", "OutboxLane", "Card", "Answer", "PointAward", "PointTotal", "PointRule", "Question", "Employee"];
const AUTHOR = "U05SANNE01";
const POST_ID = 19081; // the post in the accepted_solution and post_liked fixtures

let app: TestApp;
let slack: FakeSlack;
let employeeId: string;

/** What the community's API shows now for Sanne's answer (post 19081, post number 3 of topic 4821). */
let community: { accepted: boolean; deleted: boolean };

beforeAll(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  // The core checks what a webhook says against the community before it pays or takes back.
  const answerPost = solved().solved;
  nock(DISCOURSE_URL)
    .persist()
    .get(`/posts/${POST_ID}.json`)
    .reply(() => (community.deleted ? [404, { errors: ["The requested URL or resource could not be found."] }] : [200, answerPost]))
    .get("/t/4821.json")
    .reply(() => {
      const page = fixture<Record<string, unknown>>("discourse/topic.json");
      const accepted = { post_number: 3, username: "sanne.devries", name: "Sanne de Vries", excerpt: "Hoi @marieke_vdberg, dank je voor je melding!" };
      return [200, { ...page, ...(community.accepted ? { accepted_answer: accepted } : {}) }];
    });
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

/** Sanne's answer (the fixtures' post 19081) went out through Advocate and earned its 10 points. */
beforeEach(async () => {
  community = { accepted: false, deleted: false };
  slack.calls.length = 0;
  await app.db.prisma.$executeRawUnsafe(`TRUNCATE ${TABLES.map((table) => `"${table}"`).join(", ")} RESTART IDENTITY CASCADE`);
  const { store } = app.deps;
  const employee = await store.employees.ensure("slack", AUTHOR, "Sanne de Vries");
  await store.employees.update(employee.id, { communityUsername: "sanne.devries" });
  const question = await store.questions.upsert("discourse", 4821, {
    title: "Factuur dubbel afgeschreven na overstap naar jaarabonnement",
    url: "https://community.voltaro.example/t/factuur-dubbel-afgeschreven-na-overstap-naar-jaarabonnement/4821",
    postedAt: new Date(),
    status: "answered",
  });
  const answer = await store.answers.create({
    questionId: question.id,
    employeeId: employee.id,
    cardId: null,
    submissionKey: "view-1",
    body: "Hoi",
    postedAs: "sanne.devries",
  });
  await store.answers.update(answer.id, { status: "published", communityPostId: POST_ID, postUrl: `${question.url}/3`, publishedAt: new Date() });
  await store.ledger.award({
    employeeId: employee.id,
    points: 10,
    reason: "answer_published",
    sourceKey: `${answerSources(answer.id)}published`,
    occurredAt: new Date(),
  });
  employeeId = employee.id;
});

const solved = () => fixture<SolvedBody>("discourse/accepted_solution.json");
const liked = () => fixture<LikeBody>("discourse/post_liked.json");
/** post_destroyed carries the post (WebHookPostSerializer) under "post", now with deleted_at. */
const destroyed = () => ({ post: { ...solved().solved, deleted_at: "2026-11-21T09:00:00.000Z" } });

async function post(event: string, body: unknown, eventId?: string) {
  const res = await app.postDiscourse(event, body, eventId ? { eventId } : {});
  expect(res.status).toBe(200);
  return ((await res.json()) as { status: string }).status;
}

async function ledger() {
  const rows = await app.db.prisma.pointAward.findMany({ where: { employeeId }, orderBy: { id: "asc" } });
  return rows.map((row) => [row.points, row.reason]);
}

test("accepted_solution pays +25 once, however often it arrives, and tells the author in Slack; unaccepted_solution takes it back", async () => {
  community.accepted = true;
  expect(await post("accepted_solution", solved(), "90240")).toBe("accepted");
  expect(await post("accepted_solution", solved(), "90240")).toBe("duplicate"); // Redeliver: same event id
  expect(await post("accepted_solution", solved(), "90250")).toBe("accepted"); // automatic retry: new event id
  await app.drain();
  expect(await ledger()).toEqual([
    [10, "answer_published"],
    [25, "solution_accepted"],
  ]);
  const dms = slack.of("chat.postMessage").filter((call) => call.body.channel === AUTHOR);
  expect(dms).toHaveLength(1);
  expect(slack.blocksText(dms[0]!)).toContain(
    "+25 points: your answer to “Factuur dubbel afgeschreven na overstap naar jaarabonnement” was accepted as the solution!",
  );

  const unaccept = solved();
  unaccept.solved.accepted_answer = false;
  community.accepted = false;
  expect(await post("unaccepted_solution", unaccept)).toBe("accepted");
  await app.drain();
  expect((await ledger()).at(-1)).toEqual([-25, "solution_unaccepted"]);
});

test("an answer by an employee who is staff on the community still earns (staff posts are skipped only as questions)", async () => {
  const body = solved();
  body.solved.staff = true;
  community.accepted = true;
  expect(await post("accepted_solution", body)).toBe("accepted");
  await app.drain();
  expect((await ledger()).at(-1)).toEqual([25, "solution_accepted"]);
});

test("post_liked by a customer pays +2; the same like under a new event id is a duplicate", async () => {
  expect(await post("post_liked", liked(), "90243")).toBe("accepted");
  expect(await post("post_liked", liked(), "90244")).toBe("duplicate");
  await app.drain();
  expect(await ledger()).toEqual([
    [10, "answer_published"],
    [2, "like_received"],
  ]);
});

test("post_destroyed of our answer takes back everything it earned, as one negative row", async () => {
  community.accepted = true;
  await post("accepted_solution", solved());
  await post("post_liked", liked());
  await app.drain();
  community.deleted = true;
  expect(await post("post_destroyed", destroyed())).toBe("accepted");
  await app.drain();
  expect((await ledger()).at(-1)).toEqual([-37, "answer_deleted"]);
  const total = await app.db.prisma.pointAward.aggregate({ _sum: { points: true }, where: { employeeId } });
  expect(total._sum.points).toBe(0);
});

test("a post_liked without its user → 400, nothing stored", async () => {
  const body = liked() as { like: Partial<LikeBody["like"]> };
  delete body.like.user;
  const res = await app.postDiscourse("post_liked", body);
  expect(res.status).toBe(400);
  expect(((await res.json()) as { reason: string }).reason).toContain("like.user");
  expect(await app.db.prisma.inboundEvent.count()).toBe(0);
});

describe("a captured body replayed as another event or under a new id", () => {
  test("accepted_solution sent as unaccepted_solution takes nothing while the community shows the answer accepted", async () => {
    community.accepted = true;
    await post("accepted_solution", solved(), "90260");
    await app.drain();
    expect(await post("unaccepted_solution", solved(), "90261")).toBe("accepted");
    expect(await post("unaccepted_solution", solved(), "90262")).toBe("accepted");
    await app.drain();
    expect(await ledger()).toEqual([
      [10, "answer_published"],
      [25, "solution_accepted"],
    ]);
  });

  test("unaccepted_solution sent as accepted_solution pays nothing while the community shows no solution", async () => {
    const unaccept = solved();
    unaccept.solved.accepted_answer = false;
    expect(await post("accepted_solution", unaccept, "90263")).toBe("accepted");
    await app.drain();
    expect(await ledger()).toEqual([[10, "answer_published"]]);
  });

  test("post_destroyed of a post the community still shows takes nothing; the real deletion later still counts", async () => {
    expect(await post("post_destroyed", destroyed(), "90264")).toBe("accepted");
    await app.drain();
    expect(await ledger()).toEqual([[10, "answer_published"]]);
    community.deleted = true;
    expect(await post("post_destroyed", destroyed(), "90265")).toBe("accepted");
    await app.drain();
    expect((await ledger()).at(-1)).toEqual([-10, "answer_deleted"]);
  });

  test.each([
    ["unaccepted_solution", { solved: { id: POST_ID } }, "solved.topic_id"],
    ["accepted_solution", { solved: { id: POST_ID } }, "solved.topic_id"],
    ["post_destroyed", { post: { id: POST_ID } }, "post.topic_id"],
  ])("%s with a body that is no post (%j) → 400, nothing stored", async (event, body, named) => {
    const res = await app.postDiscourse(event, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { reason: string }).reason).toContain(named);
    expect(await app.db.prisma.inboundEvent.count()).toBe(0);
  });
});
