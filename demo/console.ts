// The web console in the demo: the same app serves it at /console, with stand-in Slack and Entra ID sign-ins on
// 127.0.0.1 that sign in the demo's people (Sanne, HR, with Microsoft; Priya with Slack). `npm run demo` only says
// where it would be; `npm run demo -- --console` keeps the app and the stand-ins running until Ctrl-C.
import { createServer } from "node:net";
import { createWallLink } from "../src/core/wall";
import type { Advocate } from "../src/app";
import { ENTRA_TENANT, StandInOidc, type OidcUser } from "./standIns/oidcProvider";

export const KEEP_CONSOLE_OPEN = process.argv.includes("--console");

export interface DemoConsole {
  /** http://localhost:<port>/console: browsers keep the console's Secure cookies for localhost over plain http. */
  url: string;
  port: number;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Demo-only secret: nothing here is a real secret. */
const CONSOLE_SECRET = "demo-console-secret-0123456789abcdef0123";

export async function startDemoConsole(people: { slack: OidcUser; entra: OidcUser }): Promise<DemoConsole> {
  const slack = await new StandInOidc("slack", "demo-slack-oidc-client", "demo-slack-oidc-secret").listen();
  const entra = await new StandInOidc("entra", "demo-entra-client", "demo-entra-secret").listen();
  // The stand-ins sign in whoever the demo chose, without asking: no passwords in a demo.
  slack.user = people.slack;
  entra.user = people.entra;
  const port = await freePort();
  const url = `http://localhost:${port}/console`;
  return {
    url,
    port,
    env: {
      ADVOCATE_CONSOLE_URL: url,
      ADVOCATE_CONSOLE_SECRET: CONSOLE_SECRET,
      SLACK_OIDC_CLIENT_ID: slack.clientId,
      SLACK_OIDC_CLIENT_SECRET: slack.clientSecret,
      SLACK_OIDC_ISSUER: slack.issuer,
      ENTRA_TENANT_ID: ENTRA_TENANT,
      ENTRA_CLIENT_ID: entra.clientId,
      ENTRA_CLIENT_SECRET: entra.clientSecret,
      ENTRA_AUTHORITY_URL: entra.base,
    },
    close: async () => {
      await Promise.all([slack.close(), entra.close()]);
    },
  };
}

/** What the demo ends with: where the console is, and, kept open, an office screen's link and how to stop. */
export async function describeConsole(demo: DemoConsole, app: Advocate, people: { slack: OidcUser; entra: OidcUser }, admin: string): Promise<string[]> {
  const lines = [`The web console: ${demo.url}`];
  if (!KEEP_CONSOLE_OPEN) return [...lines, "  npm run demo -- --console keeps it open after the story, to sign in and look around."];
  const wall = await createWallLink(app.deps, { surface: "slack", userId: admin }, "Demo office screen");
  return [
    ...lines,
    `  Sign in with Microsoft: ${people.entra.name} (HR) · Sign in with Slack: ${people.slack.name}`,
    ...(wall.ok ? [`  The office screen:  ${demo.url}/wall/${wall.token}`] : []),
    "  Press Ctrl-C to stop.",
  ];
}

/** Resolves on Ctrl-C (or a stop signal). */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

/** A port free now, so the console's address (which the sign-ins send people back to) is known before the app starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
