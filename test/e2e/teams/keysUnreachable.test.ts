// The Bot Framework's signing keys out of reach: a token cannot be checked, so the activity is refused as "try
// again later" (503, the shared error body), never a 500 with botbuilder's message, and nothing is written.
// Its own file: botbuilder caches the keys it fetched for the life of the process.
import nock from "nock";
import { startTestApp, type TestApp } from "../../support/testApp";
import { FakeConnector, activities, botFramework } from "../../support/teams";

let app: TestApp;

beforeAll(async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  app = await startTestApp();
});
afterAll(async () => {
  jest.restoreAllMocks();
  nock.cleanAll();
  await app.stop();
});

test("keys unreachable → 503 with a request id and nothing written; once they answer, the same activity runs", async () => {
  const connector = new FakeConnector().listen();
  nock("https://login.botframework.com").get("/v1/.well-known/openidconfiguration").times(3).replyWithError("connect ECONNREFUSED");
  const res = await app.postTeams(activities.message("help"));
  expect(res.status).toBe(503);
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["error", "requestId"]);
  expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|botframework|at /);
  expect(await app.db.prisma.employee.count()).toBe(0);
  expect(connector.calls).toHaveLength(0);

  nock.cleanAll();
  botFramework();
  new FakeConnector().listen();
  expect((await app.postTeams(activities.message("help"))).status).toBe(200);
});
