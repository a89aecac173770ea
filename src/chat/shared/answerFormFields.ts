// Which field of the answer form a problem belongs to, so every surface shows it next to the right input.
import type { SubmitProblem } from "../../core/answers";

export type AnswerFormField = "answer" | "consent";

export const FIELD_OF_PROBLEM: Record<SubmitProblem, AnswerFormField> = {
  empty: "answer",
  too_long: "answer",
  not_linked: "answer",
  not_found: "answer",
  not_open: "answer",
  no_consent: "consent",
};
