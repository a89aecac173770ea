// Sign-out: a form (with the session's CSRF token, as every POST) that ends the session and clears its cookie.
import { endConsoleSession } from "../../core/consoleSessions";
import { COOKIES } from "../http/cookies";
import { CONSOLE_PATH, signedInRoute } from "../route";

export const signOut = signedInRoute({
  method: "POST",
  path: "/sign-out",
  access: "anyone",
  async handle(request) {
    await endConsoleSession(request.services.deps, request.session.token);
    const cleared = [
      { name: COOKIES.session, value: "", maxAge: 0 },
      { name: COOKIES.teamsSession, value: "", maxAge: 0, framed: true },
    ];
    return { kind: "redirect", to: `${CONSOLE_PATH}/sign-in?signed-out`, cookies: cleared };
  },
});
