// HR reports through real HTTP on both surfaces: HR named in ADVOCATE_HR_IDS (a Slack member id, a Teams Entra
// object id) sees the participation report; anyone else gets the polite refusal; an admin's grant lets one in.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, slashCommand } from "../support/slackPayloads";
import { FakeConnector, SANNE_AAD, activities, botFramework } from "../support/teams";
import { FILE_CONSENT_TYPE as FILE_CONSENT, FILE_INFO_TYPE as FILE_INFO } from "../../src/chat/teams/presenters/fileCard";

let app: TestApp;
let connector: FakeConnector;
let slack: FakeSlack;

beforeAll(async () => {
  app = await startTestApp({ env: { ADVOCATE_HR_IDS: `UHR000001,${SANNE_AAD}` }, clock: { now: () => new Date("2026-11-20T10:00:00Z") } });
  botFramework();
  slack = new FakeSlack().listen();
  connector = new FakeConnector().listen();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const slashText = async (text: string, user: string) => JSON.stringify(await (await app.slashCommand(slashCommand(text, user))).json());

test("Slack: HR sees the report as Block Kit; a colleague is refused until an admin grants access", async () => {
  const report = JSON.parse(await slashText("report week", "UHR000001")) as { blocks: Array<{ type: string; text: { text: string } }> };
  expect(report.blocks[0]?.text.text).toContain("*Participation report · week · whole company*");
  expect(await slashText("report week", PRIYA)).toContain("reports are for HR and Advocate admins only");
  expect(await slashText(`hr grant <@${PRIYA}|priya>`, "UADMIN001")).toContain("may now see reports");
  expect(await slashText("report month Sales", PRIYA)).toContain("Participation report · month · Sales");
  expect((await app.db.prisma.reportAudit.findMany({ orderBy: { id: "asc" } })).map((row) => [row.userId, row.period, row.department, row.allowed])).toEqual([
    ["UHR000001", "week", null, true],
    [PRIYA, "week", null, false],
    [PRIYA, "month", "Sales", true],
  ]);
});

test("Teams: HR named by Entra object id sees the report as an Adaptive Card in the personal chat", async () => {
  await app.postTeams(activities.personal("report quarter"));
  const card = JSON.stringify(connector.sentTo("a:personal").at(-1)?.body);
  expect(card).toContain("AdaptiveCard");
  expect(card).toContain("Deelnamerapport · quarter · hele bedrijf"); // Sanne's Teams speaks Dutch
  expect(await app.db.prisma.reportAudit.count({ where: { surface: "teams", allowed: true, period: "quarter" } })).toBe(1);
});

test("Slack: `report … csv` uploads the CSV and the trend chart to the requester's direct messages (files.uploadV2)", async () => {
  expect(await slashText("report week csv", "UHR000001")).toContain("on its way to your direct messages as advocate-report-week.csv");
  await app.drain();
  expect(slack.of("conversations.open").at(-1)?.body.users).toBe("UHR000001");
  // The CSV and, beside it, the weekly trend's chart: both uploaded, then shared in one completion.
  expect(slack.of("files.getUploadURLExternal").map((call) => call.body.filename)).toEqual(["advocate-report-week.csv", "advocate-report-week.png"]);
  const completed = slack.of("files.completeUploadExternal").at(-1)?.body;
  expect(completed?.channel_id).toBe("DUHR000001");
  const [csvId, pngId] = [...slack.uploads.keys()];
  expect(String(completed?.files)).toContain(csvId);
  expect(String(completed?.files)).toContain(pngId);
  expect(slack.uploads.get(csvId ?? "")).toContain("period,week\r\ndepartment,all\r\n");
  // nock hands binary bodies over as hex: the PNG signature is in the multipart upload.
  expect(slack.uploads.get(pngId ?? "")).toContain("89504e470d0a1a0a");
});

test("Teams: `report month csv` offers the CSV and its chart as files; accepted, the bytes go to OneDrive and show as a file", async () => {
  await app.postTeams(activities.personal("report month csv"));
  await app.drain();
  const offer = connector.sentTo("a:personal").at(-1)?.body as {
    attachments: Array<{ contentType: string; name: string; content: { sizeInBytes: number; acceptContext: { offerId: string } } }>;
  };
  expect(offer.attachments.map((attachment) => [attachment.contentType, attachment.name])).toEqual([
    [FILE_CONSENT, "advocate-report-month.csv"],
    [FILE_CONSENT, "advocate-report-month.png"],
  ]);
  const [csv, png] = offer.attachments;
  const uploaded: Array<{ range: string; body: string }> = [];
  nock("https://voltaro-my.sharepoint.com")
    .put("/personal/sanne/upload-session-1")
    .reply(function (_uri, body) {
      uploaded.push({ range: String(this.req.headers["content-range"]), body: String(body) });
      return [201, { id: "01ABC", name: "advocate-report-month.csv" }];
    });
  const uploadInfo = {
    name: "advocate-report-month.csv",
    uploadUrl: "https://voltaro-my.sharepoint.com/personal/sanne/upload-session-1",
    contentUrl: "https://voltaro-my.sharepoint.com/personal/sanne/Documents/Applications/Advocate/advocate-report-month.csv",
    uniqueId: "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
    fileType: "csv",
  };
  // Someone else answering Sanne's offer gets nothing, and the offer still waits for her.
  const stranger = await app.postTeams(
    activities.fileConsent(
      { type: "fileUpload", action: "accept", context: csv!.content.acceptContext, uploadInfo },
      { from: { id: "29:1stranger", aadObjectId: "00000000-0000-0000-0000-0000000000aa", name: "Stranger" } },
    ),
  );
  expect(stranger.status).toBe(200);
  expect(uploaded).toHaveLength(0);

  const accepted = await app.postTeams(activities.fileConsent({ type: "fileUpload", action: "accept", context: csv!.content.acceptContext, uploadInfo }));
  expect(accepted.status).toBe(200);
  expect(uploaded).toHaveLength(1);
  expect(uploaded[0]?.body).toContain("period,month");
  expect(uploaded[0]?.range).toBe(`bytes 0-${csv!.content.sizeInBytes - 1}/${csv!.content.sizeInBytes}`);
  const shown = connector.sentTo("a:personal").at(-1)?.body as { attachments: Array<Record<string, unknown>> };
  expect(shown.attachments[0]).toEqual({
    contentType: FILE_INFO,
    name: uploadInfo.name,
    contentUrl: uploadInfo.contentUrl,
    content: { uniqueId: uploadInfo.uniqueId, fileType: "csv" },
  });

  // The chart is a real PNG; declining it drops the offer.
  const chart = await app.db.prisma.fileOffer.findUniqueOrThrow({ where: { id: png!.content.acceptContext.offerId } });
  expect(Buffer.from(chart.content, "base64").subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  await app.postTeams(activities.fileConsent({ type: "fileUpload", action: "decline", context: png!.content.acceptContext }));
  expect(JSON.stringify(connector.sentTo("a:personal").at(-1)?.body)).toContain("heb advocate-report-month.png niet gestuurd");
  expect(await app.db.prisma.fileOffer.count({ where: { id: png!.content.acceptContext.offerId } })).toBe(0);

  // Accepting the same offer again uploads nothing twice.
  await app.postTeams(activities.fileConsent({ type: "fileUpload", action: "accept", context: csv!.content.acceptContext, uploadInfo }));
  expect(uploaded).toHaveLength(1);
});

test("Teams: a file consent answer that is not one gets 400 and changes nothing", async () => {
  const res = await app.postTeams(activities.fileConsent({ type: "fileUpload", action: "accept", context: { offerId: "not-a-uuid" } }));
  expect(res.status).toBe(400);
});
