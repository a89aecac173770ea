// A topic's two webhooks race its route: the route may run on the topic alone, send for the rest, and the first
// post land meanwhile (its request to route at once then meets the route already running). The question is then
// routed from what came, without asking the community for what we already hold.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import type { CoreStore } from "../../src/core/deps";
import type { CommunityPort } from "../../src/core/ports";
import { fetchTopic, routeQuestion } from "../../src/core/questions/routeQuestion";
import { coreSettings, freshDatabase } from "../support/coreDeps";

let db: Database;
let store: CoreStore;
const asked: number[] = [];
// Any call to the community fails the test: what it would say is already here.
const community = {
  name: "discourse",
  getTopic: async (topicId: number) => {
    asked.push(topicId);
    throw new Error("the community was asked");
  },
  categorySlug: async () => null,
} as unknown as CommunityPort;

beforeAll(async () => {
  db = await freshDatabase();
  store = prismaStore(db.prisma);
});
afterAll(async () => {
  await db.close();
});

test("the first post landing while the route sent for it: routed from what came, the community not asked", async () => {
  const deps = { store, community, clock: { now: () => new Date() }, settings: coreSettings() };
  await store.channels.setFallback("slack", "C0FALLBACK");
  const topic = { url: "https://community.example/t/4821", postedAt: new Date("2026-12-01T09:00:00Z") };
  const { id } = await store.questions.upsert("discourse", 4821, { ...topic, title: "Factuur dubbel", tags: [], hasTopicFacts: true });

  // The route runs on the topic alone and sends for the first post ...
  expect(await routeQuestion(deps, id)).toBe("fetching topic");
  // ... which its own webhook brings before that fetch runs.
  await store.questions.upsert("discourse", 4821, { ...topic, bodyText: "Mijn factuur is twee keer afgeschreven." });

  expect(await fetchTopic(deps, id)).toBe("completed meanwhile; routing");
  expect(asked).toEqual([]);
  const routes = await db.prisma.outboxItem.findMany({ where: { kind: "question.route", status: "pending" } });
  expect(routes.map((item) => item.dedupeKey)).toEqual([`route:${id}:completed`]);
  expect(await routeQuestion(deps, id)).toBe("routed by fallback to slack:C0FALLBACK");
  expect(await db.prisma.card.count({ where: { questionId: id } })).toBe(1);
});
