// Words of a thread reply offered as an answer, and of what became of a click on the offer, for both surfaces.
import { translator } from "../../i18n";
import type { Markup } from "./markup";
import type { Notice } from "../../core/ports/views/notice";
import type { DraftRefusal } from "../../core/answers";

export type ReplyDraftNotice = Extract<Notice, { type: "reply_draft" }>;

/** The question the offer is about, and the offer itself: as @username, or link first. Escaped. */
export function replyDraftOffer(notice: ReplyDraftNotice, locale: string, markup: Pick<Markup, "escape" | "cmd">): { offer: string; question: string } {
  const t = translator(locale, markup.cmd);
  return {
    offer: notice.username ? t("replyDraft.offer", { username: markup.escape(notice.username) }) : t("replyDraft.offerNotLinked"),
    question: t("replyDraft.question", { title: markup.escape(notice.title) }),
  };
}

/** Why a click on a draft did nothing: not linked (the text is kept), gone, someone else's, or the form's own reasons. */
export function draftRefusalText(problem: DraftRefusal, locale: string, markup: Pick<Markup, "cmd">): string {
  const t = translator(locale, markup.cmd);
  if (problem === "not_linked") return t("link.firstKept");
  if (problem === "gone" || problem === "not_yours") return t(`replyDraft.${problem}`);
  return t(`answerModal.errors.${problem}`);
}

/** No community account for the work email: where to sign up, and that any waiting text is kept. Unescaped. */
export function linkNotFoundText(notice: Extract<Notice, { type: "link_not_found" }>, locale: string, markup: Pick<Markup, "cmd">): string {
  const t = translator(locale, markup.cmd);
  const text = notice.signupUrl ? t("link.notFoundSignup", { email: notice.email, url: notice.signupUrl }) : t("link.notFound", { email: notice.email });
  return notice.textKept ? `${text} ${t("link.textKept")}` : text;
}
