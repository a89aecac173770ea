// A page in the console's frame, from what the guard knows of the request: language, navigation, the signed-in person.
import { COMMAND_PREFIX, LOCALES } from "../i18n";
import { CONSOLE_PATH, type ConsoleRequest, type ConsoleResponse, type SignedIn } from "./route";
import type { Html } from "./presenters/html";
import { layout } from "./presenters/layout";
import { messageView } from "./presenters/messageView";

export function pageResponse(request: ConsoleRequest, title: string, body: Html, status = 200): ConsoleResponse {
  const { t, locale, session } = request;
  const back = encodeURIComponent(request.path);
  const signedIn = session && { name: session.employee.displayName ?? session.employee.email ?? "", csrfToken: session.csrfToken };
  const languages = LOCALES.filter((other) => other !== locale).map((other) => ({
    locale: other,
    href: `${CONSOLE_PATH}/language/${other}?back=${back}`,
    label: t(`console.languages.${other}`),
  }));
  return { kind: "page", status, body: layout({ locale, t, title, base: CONSOLE_PATH, nav: request.nav, signedIn, languages }, body) };
}

/** A page that only says something (a form turned down, a change refused), with a link back to where it came from. */
export function messageResponse(request: ConsoleRequest, status: number, text: string, back?: { href: string; label: string }): ConsoleResponse {
  const title = request.t(status === 403 ? "console.forbidden.title" : "console.error.title");
  return pageResponse(request, title, messageView(text, back), status);
}

/** Dates and times as this reader writes them, in the company's timezone. */
export function whenFormat(request: ConsoleRequest): (at: Date) => string {
  const format = new Intl.DateTimeFormat(request.locale, { dateStyle: "medium", timeStyle: "short", timeZone: request.services.deps.settings.timezone });
  return (at) => format.format(at);
}

/** How the signed-in person calls Advocate in chat, for chat's own messages and hints. */
export const commandPrefixOf = (request: ConsoleRequest<SignedIn>): string => COMMAND_PREFIX[request.session.employee.surface === "teams" ? "teams" : "slack"];
/** A use case refused what the guard let through (the policy decided again, with what was asked): 403. */
export function forbiddenPage(request: ConsoleRequest): ConsoleResponse {
  return pageResponse(request, request.t("console.forbidden.title"), messageView(request.t("console.forbidden.body")), 403);
}
