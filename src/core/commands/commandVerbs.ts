// The shape of a feature's command verbs: each feature declares its own next to its use cases, and the dispatcher
// (runCommand) registers them, so that adding a verb touches the feature and one line there, not a central switch.
import type { CoreDeps } from "../deps";
import type { CommandContext } from "../kernel/commandContext";
import type { CommandVerb } from "../policy";

/** Answers `<verb> <args…>`; runs only after the policy let `ctx` run the verb. */
export type CommandHandler<Reply> = (deps: CoreDeps, ctx: CommandContext, args: string[]) => Promise<Reply>;

/** The first words of the policy table, each answered by a feature; `help` is the dispatcher's own. */
export type VerbName = Exclude<CommandVerb, `${string} ${string}` | "help">;

/** A feature's verbs by name; a name the policy table lacks does not type-check. */
export type Verbs = Partial<Record<VerbName, CommandHandler<unknown>>>;
