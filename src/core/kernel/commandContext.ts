// Who asks a command and from where, and the refusal every verb shares. Types only: the verbs of each feature
// take and return these without importing the dispatcher that calls them.
/** Who acts, as the chat surface authenticated them (never taken from user-supplied text). */
export interface Actor {
  surface: string;
  userId: string;
  displayName?: string | null;
}

export interface CommandContext extends Actor {
  channelId: string;
  /** Other ids the surface knows the same person by (Teams: the Entra object id), which settings may name instead. */
  alsoKnownAs?: string[];
  /** The surface lets the person pick a channel for a rule that names none (Teams), rather than use this one. */
  picksChannels?: boolean;
}

/** A verb's refusal: what was wrong, and the words that were. */
export interface CommandError<Problem extends string> {
  type: "error";
  problem: Problem;
  detail?: string;
}
