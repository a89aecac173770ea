// `npm run package:teams [out.zip]`: fills the Teams manifest from the environment, validates it against the
// vendored Microsoft schema and zips it with its icons and translations, ready to upload to Teams. With the web
// console's address (ADVOCATE_CONSOLE_URL) it adds the console as the app's personal tab (consoleTab.json).
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AdmZip from "adm-zip";
// The Teams schemas declare JSON Schema draft-04, which plain Ajv 8 no longer loads.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

export const TEAMS_DIR = path.resolve(__dirname, "../manifests/teams");
const SCHEMA_DIR = path.join(TEAMS_DIR, "schema");
const DEFAULT_OUT = path.resolve(__dirname, "../dist/advocate-teams.zip");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Env = Record<string, string | undefined>;

/** The parts of a Teams manifest this script reads; the schema checks the rest. */
export interface TeamsManifest {
  icons: { color: string; outline: string };
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
  validDomains?: string[];
  [key: string]: unknown;
}

/** manifest.json with its placeholders filled from `env`; throws one readable line when `env` cannot fill them. */
export function buildManifest(env: Env): TeamsManifest {
  // Bot Framework samples name it MicrosoftAppId; the rest of Advocate's config is upper snake case.
  const source = env.MICROSOFT_APP_ID ? "MICROSOFT_APP_ID" : "MicrosoftAppId";
  const appId = env[source]?.trim();
  if (!appId) throw new Error("MICROSOFT_APP_ID (or MicrosoftAppId) is not set: it is the bot's Microsoft App ID, a GUID.");
  if (!GUID.test(appId)) throw new Error(`${source} is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`);

  const manifest = JSON.parse(readFileSync(path.join(TEAMS_DIR, "manifest.json"), "utf8").replaceAll("${{MICROSOFT_APP_ID}}", appId)) as TeamsManifest;
  const publicHost = env.ADVOCATE_PUBLIC_URL ? hostOf(env.ADVOCATE_PUBLIC_URL, "ADVOCATE_PUBLIC_URL", "https://advocate.example.com").hostname : undefined;
  if (publicHost) addDomain(manifest, publicHost);
  if (env.ADVOCATE_CONSOLE_URL) addConsoleTab(manifest, env.ADVOCATE_CONSOLE_URL.trim().replace(/\/+$/, ""), appId);
  return manifest;
}

/**
 * The console's personal page as the app's tab, signed in with Teams' single sign-on: the tab page is /teams, and
 * webApplicationInfo names the app registration and the Application ID URI Teams asks tokens for
 * (api://<console host>/<app id>, which the console checks as the audience). The channel-message consent (RSC)
 * needs webApplicationInfo only for its id, the same app's, so its resource becomes the one SSO needs.
 */
function addConsoleTab(manifest: TeamsManifest, consoleUrl: string, appId: string): void {
  const url = hostOf(consoleUrl, "ADVOCATE_CONSOLE_URL", "https://advocate.example.com/console");
  if (url.protocol !== "https:" || !url.pathname.endsWith("/console"))
    throw new Error("ADVOCATE_CONSOLE_URL must be the console's https:// address, ending in /console.");
  const tab = JSON.parse(
    readFileSync(path.join(TEAMS_DIR, "consoleTab.json"), "utf8")
      .replaceAll("${{ADVOCATE_CONSOLE_URL}}", consoleUrl)
      .replaceAll("${{CONSOLE_HOST}}", url.host)
      .replaceAll("${{MICROSOFT_APP_ID}}", appId),
  ) as Pick<TeamsManifest, "validDomains"> & { staticTabs: unknown[]; webApplicationInfo: unknown };
  manifest.staticTabs = tab.staticTabs;
  manifest.webApplicationInfo = tab.webApplicationInfo;
  for (const domain of tab.validDomains ?? []) addDomain(manifest, domain);
}

function addDomain(manifest: TeamsManifest, domain: string): void {
  if (!manifest.validDomains?.includes(domain)) manifest.validDomains = [...(manifest.validDomains ?? []), domain];
}

function hostOf(url: string, name: string, example: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new Error(`${name} is not a URL (expected e.g. ${example}).`);
  }
}

/** Schema problems of a manifest, one line each; empty when valid. */
export function validateManifest(manifest: unknown): string[] {
  return problems(validators().manifest, manifest);
}

/** Schema problems of a language file such as nl.json; empty when valid. */
export function validateLocalization(strings: unknown): string[] {
  return problems(validators().localization, strings);
}

let compiled: { manifest: ValidateFunction; localization: ValidateFunction } | undefined;

function validators() {
  if (!compiled) {
    // allErrors: report every problem at once. Microsoft's schemas omit `type` beside some keywords (strictTypes)
    // and write patterns for non-unicode regexes (an unescaped `]`), so both checks are relaxed for them.
    const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv);
    const load = (file: string) => ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), "utf8")));
    compiled = { manifest: load("MicrosoftTeams.schema.json"), localization: load("MicrosoftTeams.Localization.schema.json") };
  }
  return compiled;
}

function problems(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === "additionalProperties" ? ` (${String(error.params.additionalProperty)})` : "";
  return `${error.instancePath || "/"} ${error.message ?? error.keyword}${extra}`;
}

/** Builds, validates and zips the app package; returns the zip's path. */
export function packageTeams(env: Env, outFile = DEFAULT_OUT): string {
  const manifest = buildManifest(env);
  const manifestProblems = validateManifest(manifest);
  if (manifestProblems.length) throw new Error(`manifest.json does not match the Teams schema: ${manifestProblems.join("; ")}`);

  const zip = new AdmZip();
  zip.addFile("manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const icon of [manifest.icons.color, manifest.icons.outline]) zip.addFile(icon, readFileSync(path.join(TEAMS_DIR, icon)));
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const text = readFileSync(path.join(TEAMS_DIR, file), "utf8");
    const languageProblems = validateLocalization(JSON.parse(text));
    if (languageProblems.length) throw new Error(`${file} does not match the Teams localization schema: ${languageProblems.join("; ")}`);
    zip.addFile(file, Buffer.from(text));
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  zip.writeZip(outFile);
  return outFile;
}

if (require.main === module) {
  try {
    console.log(`Wrote ${packageTeams(process.env, process.argv[2] ? path.resolve(process.argv[2]) : undefined)}`);
  } catch (error) {
    // One line, no stack trace: every failure here is a configuration problem the message names.
    console.error(`Cannot package the Teams app: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
