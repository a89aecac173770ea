// The words of an idea status that every surface shares: the reply template, in the customer's language.
import { normalizeLocale, translator } from "../../i18n";
import type { IdeaProblem, IdeaStatus } from "../../core/kernel/ideaStatus";

/** The public reply an employee starts from; they edit it before it goes out under their name. */
export function ideaTemplate(status: IdeaStatus, language: string): string {
  return translator(normalizeLocale(language))(`idea.template.${status}`);
}

/** Which field of the status form a problem belongs to. */
export const IDEA_FIELD_OF_PROBLEM: Record<IdeaProblem, "reply" | "reason" | "consent"> = {
  empty: "reply",
  too_long: "reply",
  no_reason: "reason",
  no_consent: "consent",
  not_linked: "reply",
  not_found: "reply",
  not_idea: "reply",
};
