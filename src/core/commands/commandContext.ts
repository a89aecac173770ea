// Who asks a command and from where, and the refusal every verb shares. Types only: the verbs of each feature
// take and return these without importing the dispatcher that calls them.
import type { Actor } from "../accounts/actor";

export interface CommandContext extends Actor {
  channelId: string;
  /** Teams: the person's Entra object id, which ADVOCATE_HR_IDS may name instead of their 29: id. */
  aadObjectId?: string;
}

/** A verb's refusal: what was wrong, and the words that were. */
export interface CommandError<Problem extends string> {
  type: "error";
  problem: Problem;
  detail?: string;
}
