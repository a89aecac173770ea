// Sign-in: the page offering each configured provider, the start (to the provider, with state, nonce and PKCE in a
// signed cookie) and the callback (the id token checked, the person found by its verified email, a session made).
import { COMMAND_PREFIX } from "../../i18n";
import { startConsoleSession, SESSION_HOURS } from "../../core/consoleSessions";
import { openFlow, sealFlow, FLOW_SECONDS } from "../auth/flowCookie";
import { isProviderId } from "../auth/providers";
import { COOKIES } from "../http/cookies";
import { pageResponse } from "../pageFrame";
import { messageView } from "../presenters/messageView";
import { signInView } from "../presenters/signInView";
import { CONSOLE_PATH, publicRoute, type ConsoleRequest, type ConsoleResponse } from "../route";

const HOME = `${CONSOLE_PATH}/leaderboard`;
const SIGN_IN = `${CONSOLE_PATH}/sign-in`;
const clearFlow = { name: COOKIES.flow, value: "", maxAge: 0 };

function failed(request: ConsoleRequest, status: number, title: string, text: string): ConsoleResponse {
  const again = { href: SIGN_IN, label: request.t("console.signIn.again") };
  return { ...pageResponse(request, title, messageView(text, again), status), cookies: [clearFlow] };
}

export const signInPage = publicRoute({
  method: "GET",
  path: "/sign-in",
  access: "public",
  async handle(request) {
    if (request.session) return { kind: "redirect", to: HOME };
    const { t } = request;
    const options = request.services.providers.offered.map((provider) => ({
      provider,
      href: `${SIGN_IN}/${provider}`,
      label: t(`console.signIn.${provider}`),
    }));
    const notice = request.query["signed-out"] !== undefined ? t("console.signIn.signedOut") : null;
    return pageResponse(request, t("console.signIn.title"), signInView(t, { options, notice }));
  },
});

export const signInStart = publicRoute({
  method: "GET",
  path: "/sign-in/:provider",
  access: "public",
  async handle(request) {
    const { providers, config, deps, logger } = request.services;
    const { t } = request;
    const id = request.params.provider ?? "";
    if (!isProviderId(id) || !providers.offered.includes(id)) return { kind: "redirect", to: SIGN_IN };
    let started: Awaited<ReturnType<typeof providers.start>>;
    try {
      started = await providers.start(id);
    } catch (error) {
      // The provider's discovery document or keys out of reach: asked again on the next try.
      logger.warn({ provider: id, err: (error as Error).message }, "console sign-in provider unreachable");
      return failed(request, 503, t("console.signIn.failedTitle"), t("console.signIn.failed"));
    }
    const { url, flow } = started;
    const sealed = sealFlow(config.ADVOCATE_CONSOLE_SECRET, flow, deps.clock.now());
    return { kind: "redirect", to: url.href, cookies: [{ name: COOKIES.flow, value: sealed, maxAge: FLOW_SECONDS }] };
  },
});

export const signInCallback = publicRoute({
  method: "GET",
  path: "/auth/:provider/callback",
  access: "public",
  async handle(request) {
    const { providers, config, deps, logger } = request.services;
    const { t } = request;
    const flow = openFlow(config.ADVOCATE_CONSOLE_SECRET, request.cookies[COOKIES.flow], deps.clock.now());
    if (!flow || flow.provider !== request.params.provider) return failed(request, 400, t("console.signIn.failedTitle"), t("console.signIn.failed"));
    const callback = new URL(providers.callbackUrl(flow.provider));
    for (const [name, value] of Object.entries(request.query)) if (value !== undefined) callback.searchParams.set(name, value);
    let email: string | null;
    try {
      email = await providers.finish(flow, callback);
    } catch (error) {
      // Why a sign-in was refused (wrong issuer, audience, nonce, signature…), never the token itself.
      logger.warn({ provider: flow.provider, err: (error as Error).message }, "console sign-in refused");
      return failed(request, 400, t("console.signIn.failedTitle"), t("console.signIn.failed"));
    }
    const signIn = email ? await startConsoleSession(deps, flow.provider, email) : null;
    if (!signIn?.ok) {
      logger.info({ provider: flow.provider }, "console sign-in by someone Advocate does not know");
      const cmd = COMMAND_PREFIX[flow.provider === "slack" ? "slack" : "teams"];
      const text = email ? t("console.signIn.unknown", { email, cmd }) : t("console.signIn.noEmail");
      return failed(request, 403, t("console.signIn.unknownTitle"), text);
    }
    logger.info({ provider: flow.provider, employeeId: signIn.session.employee.id }, "console signed in");
    return { kind: "redirect", to: HOME, cookies: [clearFlow, { name: COOKIES.session, value: signIn.token, maxAge: SESSION_HOURS * 3600 }] };
  },
});
