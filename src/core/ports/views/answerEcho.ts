// An answer's echo in its card's thread, as it stands after its author edited or withdrew it.
export interface AnswerEcho {
  /** The author's display name (or community username). */
  by: string;
  body: string;
  url: string;
  state: "edited" | "withdrawn";
}
