// The lines under "Draft with AI" that both surfaces show: working on it or why there is no draft, and for a
// new draft that it is only a draft, with the accepted answers it drew on.
import { translator } from "../../i18n";
import type { Markup } from "./markup";

export function draftNotes(
  locale: string,
  markup: Pick<Markup, "link">,
  input: { note?: string | undefined; sources?: Array<{ title: string; url: string }> | undefined },
): string[] {
  const t = translator(locale);
  const notes = input.note ? [input.note] : [];
  if (!input.sources) return notes;
  const links = input.sources.map((source) => markup.link(source.url, source.title)).join(", ");
  return [...notes, t("draft.ready"), links ? t("draft.sources", { links }) : t("draft.noSources")];
}
