// Departments for HR reports from the chat profile, learnt when an employee links: the Slack profile field the admin
// names (SLACK_DEPARTMENT_FIELD), the Entra ID department in Teams (Microsoft Graph); HR's directory wins over both.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, slashCommand } from "../support/slackPayloads";
import { FakeConnector, SANNE, SANNE_AAD, TENANT, activities, botFramework } from "../support/teams";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ env: { SLACK_DEPARTMENT_FIELD: "department", TEAMS_GRAPH_DEPARTMENT: "true" } });
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});
afterEach(() => nock.cleanAll());

const communityAccount = () => nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).reply(200, fixture("discourse/users_by_email.json"));

// Through the identity: Sanne on Slack and on Teams (one work email) is one person.
const departmentOf = async (surface: string, externalId: string) =>
  (await app.db.prisma.chatIdentity.findUniqueOrThrow({ where: { surface_externalId: { surface, externalId } }, include: { employee: true } })).employee
    .department;

test("Slack: the profile field the admin named gives the department; HR's directory wins over it", async () => {
  const slack = new FakeSlack().listen();
  communityAccount();
  await app.slashCommand(slashCommand("link"));
  await app.drain();
  expect(slack.of("users.profile.get").at(-1)?.body.user).toBe(PRIYA);
  expect(await departmentOf("slack", PRIYA)).toBe("Klantenservice");

  await app.deps.store.directory.upsert({ email: "sanne.devries@voltaro.example", name: "Sanne de Vries", department: "Customer Success" }, new Date());
  await app.db.prisma.employee.updateMany({ where: { externalId: PRIYA }, data: { department: null } });
  new FakeSlack().listen();
  communityAccount();
  await app.slashCommand(slashCommand("link"));
  await app.drain();
  expect(await departmentOf("slack", PRIYA)).toBe("Customer Success");
});

test("Teams: Entra ID's department, read from Microsoft Graph with the bot's own app token", async () => {
  // No directory row for her (the one from the Slack test would win).
  await app.db.prisma.directory.deleteMany();
  botFramework();
  new FakeConnector().listen();
  communityAccount();
  // Persisted: her first contact's email lookup reads her profile too, at the same time, and may come first.
  const login = nock("https://login.microsoftonline.com")
    .persist()
    .post(
      `/${TENANT}/oauth2/v2.0/token`,
      (body: Record<string, string>) => body.grant_type === "client_credentials" && body.scope === "https://graph.microsoft.com/.default",
    )
    .reply(200, { token_type: "Bearer", expires_in: 3599, access_token: "graph-token-1" });
  const graph = nock("https://graph.microsoft.com", { reqheaders: { authorization: "Bearer graph-token-1" } })
    .persist()
    .get(`/v1.0/users/${SANNE_AAD}`)
    .query({ $select: "department" })
    .reply(200, { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(department)/$entity", department: "Field Service" });
  expect((await app.postTeams(activities.personal("link"))).status).toBe(200);
  await app.drain();
  expect(login.isDone()).toBe(true);
  expect(graph.isDone()).toBe(true);
  expect(await departmentOf("teams", SANNE)).toBe("Field Service");
});
