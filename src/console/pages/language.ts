// The language switch: a link that keeps the choice in a cookie and returns to the page it was on.
import { LOCALES } from "../../i18n";
import { COOKIES } from "../http/cookies";
import { CONSOLE_PATH, publicRoute } from "../route";

/** A year: the choice outlives sessions. */
const KEEP_SECONDS = 365 * 86_400;

/** Only a path inside the console: the switch never sends anyone elsewhere. */
const backTo = (back: string | undefined) => (back && back.startsWith(`${CONSOLE_PATH}/`) && !back.startsWith("//") ? back : `${CONSOLE_PATH}/sign-in`);

export const languageSwitch = publicRoute({
  method: "GET",
  path: "/language/:locale",
  access: "public",
  async handle(request) {
    const locale = request.params.locale ?? "";
    const to = backTo(request.query.back);
    if (!(LOCALES as readonly string[]).includes(locale)) return { kind: "redirect", to };
    return { kind: "redirect", to, cookies: [{ name: COOKIES.language, value: locale, maxAge: KEEP_SECONDS }] };
  },
});
