// Advocate's tab in Teams: a page Teams shows in its frame, whose script asks Teams for the person's token (single
// sign-on) and posts it here; the token checked (auth/teamsToken.ts), the person found by its work email as the
// browser sign-in finds them, the same server-side session is made, in the Teams tab's own cookie. Then the tab
// shows the person's page.
import { z } from "zod";
import { SESSION_HOURS, startConsoleSession, type SignIn } from "../../core/consoleSessions";
import { COMMAND_PREFIX } from "../../i18n";
import { COOKIES } from "../http/cookies";
import { pageResponse } from "../pageFrame";
import { messageView } from "../presenters/messageView";
import { teamsTabView } from "../presenters/teamsTabView";
import { CONSOLE_PATH, publicRoute, type ConsoleRequest, type ConsoleResponse } from "../route";

const SESSION_PATH = `${CONSOLE_PATH}/teams/session`;
const ME = `${CONSOLE_PATH}/me`;
/** Entra ID access tokens are a few kilobytes. */
const tokenBody = z.object({ token: z.string().min(1).max(12_000) });

const answer = (status: number, body: Record<string, unknown>): ConsoleResponse => ({ kind: "json", status, body });

export const teamsTabPage = publicRoute({
  method: "GET",
  path: "/teams",
  access: "public",
  teamsFrame: true,
  async handle(request) {
    const { t } = request;
    if (!request.services.teamsTab) return pageResponse(request, t("console.notFound.title"), messageView(t("console.notFound.body")), 404);
    const body = teamsTabView(t, { base: CONSOLE_PATH, sessionUrl: SESSION_PATH, next: ME });
    return { ...pageResponse(request, t("console.teams.title"), body), scripts: true };
  },
});

export const teamsTabSession = publicRoute({
  method: "POST",
  path: "/teams/session",
  access: "public",
  async handle(request) {
    const { teamsTab, deps, logger } = request.services;
    if (!teamsTab) return answer(404, { error: "not_found" });
    // Only the tab's script sends JSON: a form another site posts cannot, so no one is signed in behind their back.
    const body = tokenBody.safeParse(request.form);
    if (!request.sentJson || !body.success) return answer(400, { error: "bad_request" });
    let emails: string[];
    try {
      emails = await teamsTab.emailsOf(body.data.token, deps.clock.now());
    } catch (error) {
      // Why the token was refused (issuer, audience, signature, expiry), never the token itself.
      logger.warn({ err: (error as Error).message }, "console Teams sign-in refused");
      return answer(401, { error: "invalid_token", message: request.t("console.teams.failed") });
    }
    const signIn = await firstKnown(request, emails);
    if (!signIn?.ok) {
      logger.info("console Teams sign-in by someone Advocate does not know");
      const message = request.t("console.signIn.unknown", { email: emails[0] ?? "?", cmd: COMMAND_PREFIX.teams });
      return answer(403, { error: "unknown_person", message });
    }
    logger.info({ provider: "teams", employeeId: signIn.session.employee.id }, "console signed in");
    const cookie = { name: COOKIES.teamsSession, value: signIn.token, maxAge: SESSION_HOURS * 3600, framed: true };
    return { ...answer(200, { ok: true }), cookies: [cookie] };
  },
});

/** The first of the token's addresses that names a person, as the browser sign-in matches an id token's email. */
async function firstKnown(request: ConsoleRequest, emails: string[]): Promise<SignIn | null> {
  for (const email of emails) {
    const signIn = await startConsoleSession(request.services.deps, "teams", email);
    if (signIn.ok) return signIn;
  }
  return null;
}
