// The office screen through the real app: an admin makes a link on /console/wall-links (its address shown once),
// a TV opens it without signing in and sees the month's leaderboard (a hidden person as "a colleague", never their
// name), the quarter's donations and the latest customer story, refreshing itself; revoked, the link shows nothing
// (404). Without a token there is no data; an employee cannot reach the admin page or its forms (403, audited).
import { ADMIN, COLLEAGUE, EMPLOYEE, seedPeople, sessionOf, startConsoleApp, type ConsoleFixture } from "../support/console";
import { answeredQuestion } from "../support/stories";

let fixture: ConsoleFixture;
const form = { "content-type": "application/x-www-form-urlencoded" };
const STORY_TITLE = "Invoice paid twice";

beforeAll(async () => {
  fixture = await startConsoleApp();
  await seedPeople(fixture.app);
  const { prisma } = fixture.app.db;
  await prisma.employee.updateMany({ where: { externalId: COLLEAGUE.id }, data: { hiddenOnLeaderboards: true } });
  const { charities } = fixture.app.deps.store;
  const kwf = await charities.add({ name: "KWF", url: "https://www.kwf.nl/", createdBy: ADMIN.id });
  await charities.setTerms({ defaultCharityId: kwf.id, microEurosPerPoint: 100_000 }, ADMIN.id, new Date("2020-01-01T00:00:00Z"));
  await answeredQuestion(fixture.app, 4711, { title: STORY_TITLE, body: "I paid my invoice twice. Can I get my money back?", helper: "Joost" });
});
afterAll(async () => {
  await fixture.app.stop();
  await fixture.slack.close();
  await fixture.entra.close();
});

const actions = (action: string) => fixture.app.db.prisma.actionAudit.findMany({ where: { action }, orderBy: { id: "asc" } });

/** An admin makes a link through the page's form; the answer shows its address, which holds the token. */
async function makeLink(label: string): Promise<{ token: string; page: string }> {
  const { cookie, csrf } = await sessionOf(fixture, "slack", { email: ADMIN.email, name: ADMIN.name });
  const made = await fetch(`${fixture.url}/wall-links`, {
    method: "POST",
    headers: { ...form, cookie },
    body: `csrf=${csrf}&label=${encodeURIComponent(label)}`,
  });
  expect(made.status).toBe(200);
  const page = await made.text();
  const token = new RegExp(`${fixture.url}/wall/([A-Za-z0-9_-]{43})`).exec(page)?.[1];
  if (!token) throw new Error("no link on the page");
  return { token, page };
}

test("an admin makes a link: its address is shown once, the change audited, and the list shows it without the token", async () => {
  const { cookie } = await sessionOf(fixture, "slack", { email: ADMIN.email, name: ADMIN.name });
  const empty = await fetch(`${fixture.url}/wall-links`, { headers: { cookie } });
  expect(empty.status).toBe(200);
  expect(await empty.text()).toContain('<input name="label"');

  const { token, page } = await makeLink("Reception TV");
  expect(page.split(token)).toHaveLength(2);
  expect(await actions("wall.create")).toEqual([expect.objectContaining({ userId: ADMIN.id, detail: "Reception TV", allowed: true })]);

  const list = await (await fetch(`${fixture.url}/wall-links`, { headers: { cookie } })).text();
  expect(list).toContain("Reception TV");
  expect(list).not.toContain(token);
});

test("the link opens the wall without a session: leaders (the hidden one as a colleague), donations, the story, refreshing", async () => {
  const { token } = await makeLink("Canteen");
  for (const url of [`${fixture.url}/wall/${token}`, `${fixture.url}/wall?token=${token}`]) {
    const response = await fetch(url, { headers: { "accept-language": "en" } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<meta http-equiv="refresh" content="60" />');
    expect(page).toContain("<h1>Canteen</h1>");
    expect(page).toContain("Leaderboard of the month");
    expect(page).toContain(EMPLOYEE.name);
    expect(page).toContain("a colleague");
    expect(page).not.toContain(COLLEAGUE.name);
    expect(page).not.toMatch(/U0[A-Z0-9]{8}/);
    // 30 + 20 + 10 points this quarter at €0.10 a point, all to the default charity.
    expect(page).toMatch(/Donated so far this quarter \(\d{4}-Q[1-4]\)/);
    expect(page).toContain("€6.00");
    expect(page).toContain("KWF: €6.00");
    expect(page).toContain("Latest customer story");
    expect(page).toContain(STORY_TITLE);
    // A TV shows no navigation, forms or sign-out.
    expect(page).not.toContain("<form");
    expect(page).not.toContain("<nav");
  }
});

test("in Dutch for a Dutch screen", async () => {
  const { token } = await makeLink("Kantine");
  const page = await (await fetch(`${fixture.url}/wall/${token}`, { headers: { "accept-language": "nl-NL,nl;q=0.9" } })).text();
  expect(page).toContain('<html lang="nl">');
  expect(page).toContain("Scorebord van de maand");
  expect(page).toContain("een collega");
});

test("without a token, or with one Advocate never made: 404 and no data", async () => {
  for (const path of ["/wall", "/wall?token=", "/wall/not-a-token-this-install-made", `/wall/${"A".repeat(43)}`]) {
    const response = await fetch(`${fixture.url}${path}`, { redirect: "manual" });
    expect(response.status).toBe(404);
    const page = await response.text();
    expect(page).toContain("unknown or was revoked");
    for (const secret of [EMPLOYEE.name, STORY_TITLE, "KWF", "€"]) expect(page).not.toContain(secret);
  }
});

test("revoked, the link shows nothing (404); the revocation is audited", async () => {
  const { token } = await makeLink("Lobby");
  const { cookie, csrf } = await sessionOf(fixture, "slack", { email: ADMIN.email, name: ADMIN.name });
  const link = await fixture.app.db.prisma.wallLink.findFirstOrThrow({ where: { label: "Lobby" } });
  expect((await fetch(`${fixture.url}/wall/${token}`)).status).toBe(200);

  const revoked = await fetch(`${fixture.url}/wall-links/${link.id}/revoke`, {
    method: "POST",
    redirect: "manual",
    headers: { ...form, cookie },
    body: `csrf=${csrf}`,
  });
  expect(revoked.status).toBe(303);
  expect(revoked.headers.get("location")).toBe("/console/wall-links");
  const gone = await fetch(`${fixture.url}/wall/${token}`);
  expect(gone.status).toBe(404);
  expect(await gone.text()).not.toContain(EMPLOYEE.name);
  expect(await actions("wall.revoke")).toEqual([expect.objectContaining({ userId: ADMIN.id, subject: `wall:${link.id}`, allowed: true })]);
  expect(await (await fetch(`${fixture.url}/wall-links`, { headers: { cookie } })).text()).toMatch(/Revoked /);
  // A link id that is not a number is a bad form, and nothing changes.
  const bad = await fetch(`${fixture.url}/wall-links/x/revoke`, { method: "POST", headers: { ...form, cookie }, body: `csrf=${csrf}` });
  expect(bad.status).toBe(400);
});

test("an employee cannot open the admin page nor make or revoke links: 403, audited, nothing made", async () => {
  const { cookie, csrf } = await sessionOf(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name });
  const before = await fixture.app.db.prisma.wallLink.count();
  const refusals = () => fixture.app.db.prisma.reportAudit.findMany({ where: { allowed: false, userId: EMPLOYEE.id } });
  const already = (await refusals()).length;

  const page = await fetch(`${fixture.url}/wall-links`, { headers: { cookie } });
  expect(page.status).toBe(403);
  expect(await page.text()).not.toContain('name="label"');
  const create = await fetch(`${fixture.url}/wall-links`, { method: "POST", headers: { ...form, cookie }, body: `csrf=${csrf}&label=Mine` });
  expect(create.status).toBe(403);
  const revoke = await fetch(`${fixture.url}/wall-links/1/revoke`, { method: "POST", headers: { ...form, cookie }, body: `csrf=${csrf}` });
  expect(revoke.status).toBe(403);

  expect(await fixture.app.db.prisma.wallLink.count()).toBe(before);
  expect((await fixture.app.db.prisma.wallLink.findFirstOrThrow({ where: { id: 1 } })).revokedAt).toBeNull();
  expect((await refusals()).slice(already).map((row) => row.what)).toEqual([
    "console GET /wall-links",
    "console POST /wall-links",
    "console POST /wall-links/:id/revoke",
  ]);
  // Nor does the navigation offer it.
  expect(await (await fetch(`${fixture.url}/me`, { headers: { cookie } })).text()).not.toContain("/console/wall-links");
});

test("an admin's form with an empty label changes nothing", async () => {
  const { cookie, csrf } = await sessionOf(fixture, "slack", { email: ADMIN.email, name: ADMIN.name });
  const before = await fixture.app.db.prisma.wallLink.count();
  const response = await fetch(`${fixture.url}/wall-links`, { method: "POST", headers: { ...form, cookie }, body: `csrf=${csrf}&label=%20` });
  expect(response.status).toBe(400);
  expect(await fixture.app.db.prisma.wallLink.count()).toBe(before);
});
