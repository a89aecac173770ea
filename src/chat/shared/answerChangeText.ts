// The echo of an edited or withdrawn answer, worded once for both surfaces; each surface only draws it.
import { translator } from "../../i18n";
import type { AnswerEcho } from "../../core/ports/views/answerEcho";

/** The echo in the card's thread as the answer now stands. Unescaped. */
export function answerEchoText(echo: AnswerEcho, locale: string): string {
  const t = translator(locale);
  if (echo.state === "withdrawn") return t("answerChange.withdrawn", { name: echo.by });
  return `${echo.by}: ${echo.body}\n${echo.url}\n${t("answerChange.edited")}`;
}
