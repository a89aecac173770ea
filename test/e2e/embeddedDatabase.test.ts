// The embedded database is one process's own: a second `npm start` on its folder is refused in words, a lock left
// by kill -9 is taken over, HR's directory import goes through the running Advocate (the scenario that used to
// destroy the folder: import twice while it runs, then restart), and a broken folder is said in words.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { freePort, startAppProcess, type AppProcess } from "../../bench/support/appProcess";
import { connectDatabase } from "../../src/db/connect";
import { lockFileOf } from "../../src/db/dataFolderLock";
import { DISCOURSE_SECRET, SLACK_SIGNING_SECRET } from "../support/signing";

// Each test starts Advocate as a process of its own, some several times: up to 63 s on a loaded 2-core machine.
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, "../..");
const run = promisify(execFile);
// tsx by its path: the scripts run in a folder of their own, outside the repository.
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
let work: string;
let folder: string;
const apps: AppProcess[] = [];

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "advocate-embedded-"));
  folder = path.join(work, "data");
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  rmSync(work, { recursive: true, force: true });
});

/** The app's settings with nothing but loopback peers that are never called during these tests. */
function env(): Record<string, string> {
  return {
    ADVOCATE_DATA_DIR: folder,
    LOG_LEVEL: "warn",
    SLACK_BOT_TOKEN: "xoxb-test-token-123",
    SLACK_SIGNING_SECRET,
    SLACK_API_URL: "http://127.0.0.1:9/api/",
    DISCOURSE_URL: "http://127.0.0.1:9",
    DISCOURSE_API_KEY: "test-discourse-api-key",
    DISCOURSE_WEBHOOK_SECRET: DISCOURSE_SECRET,
  };
}

async function start(): Promise<AppProcess> {
  const app = await startAppProcess(env(), await freePort());
  apps.push(app);
  return app;
}

/** An operator's npm script, run as `npm run` runs it, in a folder of its own (no .env). */
async function script(name: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", TSX, path.join(ROOT, "scripts", `${name}.ts`), ...args], {
      cwd: work,
      env: { PATH: process.env.PATH ?? "", ...env() },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const ready = async (app: AppProcess) => (await fetch(`${app.url}/readyz`)).status;

test("a second start on a held folder is refused in words, and the first keeps running untouched", async () => {
  const first = await start();
  const holder = JSON.parse(readFileSync(lockFileOf(folder), "utf8")) as { pid: number; url: string };
  expect(holder).toMatchObject({ pid: first.child.pid, url: first.url });

  await expect(start()).rejects.toThrow(new RegExp(`The embedded database in ${folder} is in use by another process \\(pid ${first.child.pid}`));
  expect(await ready(first)).toBe(200);
  // A script that would open the folder beside it is refused the same way.
  const restore = await script("restore", [path.join(work, "any.tar.gz")]);
  expect(restore.code).toBe(1);
  expect(restore.stderr).toContain(`is in use by another process (pid ${first.child.pid}`);
});

test("a lock left by kill -9 is taken over by the next start; a clean stop removes it", async () => {
  const first = await start();
  await first.kill();
  expect(existsSync(lockFileOf(folder))).toBe(true);
  const second = await start();
  expect(await ready(second)).toBe(200);
  expect(JSON.parse(readFileSync(lockFileOf(folder), "utf8"))).toMatchObject({ pid: second.child.pid });
  await second.stop();
  expect(existsSync(lockFileOf(folder))).toBe(false);
});

const DIRECTORY = ["email,name,department", ...Array.from({ length: 300 }, (_, i) => `person${i}@voltaro.example,Person ${i},Dept ${i % 7}`)].join("\n");

test("HR imports twice while Advocate runs: the rows go through it, and after a restart Advocate is up with them", async () => {
  const csv = path.join(work, "people.csv");
  writeFileSync(csv, DIRECTORY);
  const app = await start();
  for (let i = 0; i < 2; i++) {
    const imported = await script("importDirectory", [csv]);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain(`Advocate is running (pid ${app.child.pid}): importing through it`);
    expect(imported.stdout).toContain("300 rows imported");
  }
  await app.stop();
  const again = await start();
  expect(await ready(again)).toBe(200);
  await again.stop();

  const db = await connectDatabase({ kind: "pglite", dataDir: folder });
  try {
    expect(await db.prisma.directory.count()).toBe(300);
    expect(await db.prisma.directoryImport.findMany({ select: { via: true, imported: true, problems: true } })).toEqual([
      { via: "running-app", imported: 300, problems: 0 },
      { via: "running-app", imported: 300, problems: 0 },
    ]);
  } finally {
    await db.close();
  }
});

test("with Advocate stopped the import works on its own; wrong rows are named and the others imported", async () => {
  const csv = path.join(work, "people.csv");
  writeFileSync(csv, "email,name,department\nsanne@voltaro.example,Sanne,Billing\nnot-an-email,X,Billing\n");
  const imported = await script("importDirectory", [csv]);
  expect(imported.code).toBe(2);
  expect(imported.stdout).toBe("1 rows imported\nrow 3: “not-an-email” is not an email address\n");
  expect(existsSync(lockFileOf(folder))).toBe(false);
});

test("a folder that cannot be read is said in words, pointing to the restore command", async () => {
  const app = await start();
  await app.stop();
  // Damaged files: the cluster's control file overwritten.
  writeFileSync(path.join(folder, "global", "pg_control"), Buffer.alloc(8192, 0x5a));
  await expect(start()).rejects.toThrow(new RegExp(`The embedded database in ${folder} could not be read: .*npm run restore -- <backup file>`));

  // A folder that holds somebody else's files.
  folder = path.join(work, "other");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "notes.txt"), "not a database");
  await expect(start()).rejects.toThrow(/could not be read: it holds files but no database \(notes\.txt\)/);
});
