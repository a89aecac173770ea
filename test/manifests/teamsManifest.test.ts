// The Teams app package: manifest and translation match Microsoft's schema, the icons meet Teams' rules,
// and `npm run package:teams` zips what Teams reads, or stops with one clear line.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inflateSync } from "node:zlib";
import AdmZip from "adm-zip";
import { buildManifest, TEAMS_DIR, validateLocalization, validateManifest, type TeamsManifest } from "../../scripts/packageTeams";

const APP_ID = "0f3c2a4e-8b1d-4c6a-9e2f-5a7b8c9d0e1f";
// The verbs runCommand understands; listed here rather than imported so this test needs nothing from src.
/** Everyone's commands; routing and card language decide about a channel, so they are offered in teams only. */
const PERSONAL_COMMANDS = ["charity", "help", "leaderboard", "link", "points", "unlink"];
const TEAM_COMMANDS = [...PERSONAL_COMMANDS, "language", "route", "story"].sort();
const ROOT = path.resolve(__dirname, "../..");

const readJson = (file: string) => JSON.parse(readFileSync(path.join(TEAMS_DIR, file), "utf8"));

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}
const commandLists = (manifest: TeamsManifest) => (manifest.bots as { commandLists: CommandList[] }[])[0]!.commandLists;

function runPackager(env: Record<string, string>, out: string) {
  const run = promisify(execFile)(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/packageTeams.ts"), out], {
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return run.then(
    ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** Width, height and RGBA pixels of an 8-bit RGBA PNG, undoing all five row filters. */
function readPng(file: string) {
  const png = readFileSync(path.join(TEAMS_DIR, file));
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString("ascii", 12, 16)).toBe("IHDR");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]); // 8-bit, RGBA, not interlaced
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; at += png.readUInt32BE(at) + 12) {
    if (png.toString("ascii", at + 4, at + 8) === "IDAT") idat.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter!];
      if (predictor === undefined) throw new Error(`${file}: unknown PNG filter ${filter}`);
      rgba[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

test("the built manifest matches the Teams v1.24 schema, with the app id in place of every placeholder", () => {
  const manifest = buildManifest({ MICROSOFT_APP_ID: APP_ID });
  expect(validateManifest(manifest)).toEqual([]);
  expect(manifest.manifestVersion).toBe("1.24");
  expect(manifest.id).toBe(APP_ID);
  expect((manifest.bots as { botId: string }[])[0]!.botId).toBe(APP_ID);
  expect(JSON.stringify(manifest)).not.toContain("${{");
});

test("MicrosoftAppId works too, and ADVOCATE_PUBLIC_URL adds its host to validDomains", () => {
  expect(buildManifest({ MicrosoftAppId: APP_ID }).id).toBe(APP_ID);
  expect(buildManifest({ MICROSOFT_APP_ID: APP_ID }).validDomains).toEqual([]);
  expect(buildManifest({ MICROSOFT_APP_ID: APP_ID, ADVOCATE_PUBLIC_URL: "https://advocate.example.org/teams" }).validDomains).toEqual(["advocate.example.org"]);
  expect(() => buildManifest({ MICROSOFT_APP_ID: APP_ID, ADVOCATE_PUBLIC_URL: "advocate" })).toThrow(/^ADVOCATE_PUBLIC_URL is not a URL/);
});

test("the bot reads its cards' thread replies without an @mention: resource-specific consent for channel messages, and no more", () => {
  const manifest = buildManifest({ MICROSOFT_APP_ID: APP_ID }) as TeamsManifest & {
    webApplicationInfo: { id: string; resource: string };
    authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  };
  expect(manifest.webApplicationInfo.id).toBe(APP_ID);
  expect(manifest.webApplicationInfo.resource).toMatch(/^https:\/\//);
  expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: "ChannelMessage.Read.Group", type: "Application" }]);
  expect(validateManifest(manifest)).toEqual([]);
});

test("with the console's address, the console is the app's personal tab, signed in with Teams' single sign-on", () => {
  const manifest = buildManifest({ MICROSOFT_APP_ID: APP_ID, ADVOCATE_CONSOLE_URL: "https://advocate.example.org/console/" }) as TeamsManifest & {
    staticTabs: { entityId: string; contentUrl?: string; websiteUrl?: string; scopes: string[] }[];
    webApplicationInfo: { id: string; resource: string };
    authorization: unknown;
  };
  expect(validateManifest(manifest)).toEqual([]);
  expect(manifest.staticTabs).toEqual([
    expect.objectContaining({
      entityId: "home",
      contentUrl: "https://advocate.example.org/console/teams",
      websiteUrl: "https://advocate.example.org/console/me",
      scopes: ["personal"],
    }),
    { entityId: "conversations", scopes: ["personal"] },
  ]);
  expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://advocate.example.org/${APP_ID}` });
  expect(manifest.validDomains).toEqual(["advocate.example.org"]);
  // The channel-message consent stays: it needs only webApplicationInfo's id, the same app.
  expect(manifest.authorization).toEqual(buildManifest({ MICROSOFT_APP_ID: APP_ID }).authorization);
  expect(JSON.stringify(manifest)).not.toContain("${{");
  // Without the console, no tab.
  expect(buildManifest({ MICROSOFT_APP_ID: APP_ID }).staticTabs).toBeUndefined();
  expect(() => buildManifest({ MICROSOFT_APP_ID: APP_ID, ADVOCATE_CONSOLE_URL: "http://advocate.example.org/console" })).toThrow(/^ADVOCATE_CONSOLE_URL must be/);
  expect(() => buildManifest({ MICROSOFT_APP_ID: APP_ID, ADVOCATE_CONSOLE_URL: "console" })).toThrow(/^ADVOCATE_CONSOLE_URL is not a URL/);
});

test("the bot offers exactly Advocate's commands, in personal chat and in teams", () => {
  const manifest = buildManifest({ MICROSOFT_APP_ID: APP_ID });
  expect((manifest.bots as { scopes: string[] }[])[0]!.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
  const lists = commandLists(manifest);
  expect(lists.flatMap((list) => list.scopes)).toEqual(expect.arrayContaining(["personal", "team"]));
  for (const list of lists) {
    expect(list.commands.map((command) => command.title).sort()).toEqual(list.scopes.includes("personal") ? PERSONAL_COMMANDS : TEAM_COMMANDS);
  }
});

test("nl.json matches the localization schema and translates every command description, never a command word", () => {
  const nl = readJson("nl.json") as Record<string, string>;
  expect(validateLocalization(nl)).toEqual([]);
  const lists = commandLists(buildManifest({ MICROSOFT_APP_ID: APP_ID }));
  const expected = lists.flatMap((list, l) => list.commands.map((_, c) => `bots[0].commandLists[${l}].commands[${c}].description`));
  // Titles are the words the bot parses, so a Dutch title would insert a command Advocate does not know.
  expect(Object.keys(nl).filter((key) => key.startsWith("bots["))).toEqual(expected);
  expect(nl["description.short"]).not.toBe(readJson("manifest.json").description.short);
});

test("color.png is 192×192 and outline.png is 32×32, white on full transparency", () => {
  const color = readPng("color.png");
  expect([color.width, color.height]).toEqual([192, 192]);
  const outline = readPng("outline.png");
  expect([outline.width, outline.height]).toEqual([32, 32]);
  const pixels = Array.from({ length: 32 * 32 }, (_, i) => [...outline.rgba.subarray(i * 4, i * 4 + 4)]);
  expect(pixels.filter(([r, g, b, a]) => a !== 0 && !(a === 255 && r === 255 && g === 255 && b === 255))).toEqual([]);
  expect(pixels.filter(([, , , a]) => a === 255).length).toBeGreaterThan(50);
});

test("a manifest Teams would reject fails validation", () => {
  const manifest = buildManifest({ MICROSOFT_APP_ID: APP_ID });
  expect(validateManifest({ ...manifest, manifestVersion: "1.99" })).toEqual([expect.stringMatching(/^\/manifestVersion /)]);
  const withoutDeveloper = { ...manifest };
  delete withoutDeveloper.developer;
  expect(validateManifest(withoutDeveloper).join("\n")).toMatch(/developer/);
  // The unfilled template: its ids are placeholders, not GUIDs.
  expect(validateManifest(readJson("manifest.json"))).toEqual(expect.arrayContaining([expect.stringMatching(/^\/id /), expect.stringMatching(/^\/bots\/0\/botId /)]));
});

test("a missing or malformed app id stops packaging with one clear line", async () => {
  expect(() => buildManifest({})).toThrow(/^MICROSOFT_APP_ID \(or MicrosoftAppId\) is not set/);
  expect(() => buildManifest({ MICROSOFT_APP_ID: "my-bot" })).toThrow(/^MICROSOFT_APP_ID is not a GUID/);
  const dir = mkdtempSync(path.join(os.tmpdir(), "advocate-teams-"));
  try {
    const failure = await runPackager({ MICROSOFT_APP_ID: "my-bot" }, path.join(dir, "app.zip"));
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Cannot package the Teams app: MICROSOFT_APP_ID is not a GUID/)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("package:teams zips the filled manifest, both icons and nl.json at the root", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "advocate-teams-"));
  try {
    const out = path.join(dir, "nested", "app.zip");
    const result = await runPackager({ MICROSOFT_APP_ID: APP_ID, ADVOCATE_PUBLIC_URL: "https://advocate.example.org" }, out);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const zip = new AdmZip(out);
    expect(zip.getEntries().map((entry) => entry.entryName).sort()).toEqual(["color.png", "manifest.json", "nl.json", "outline.png"]);
    const manifest = JSON.parse(zip.readAsText("manifest.json"));
    expect(manifest).toMatchObject({ id: APP_ID, validDomains: ["advocate.example.org"] });
    expect(validateManifest(manifest)).toEqual([]);
    for (const file of ["color.png", "outline.png", "nl.json"]) expect(zip.readFile(file)).toEqual(readFileSync(path.join(TEAMS_DIR, file)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
