// A page in the console's frame, from what the guard knows of the request: language, navigation, the signed-in person.
import { LOCALES } from "../i18n";
import { CONSOLE_PATH, type ConsoleRequest, type ConsoleResponse } from "./route";
import type { Html } from "./presenters/html";
import { layout } from "./presenters/layout";

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
