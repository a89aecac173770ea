// What each person decides about their own account: `link` it to their community account, `unlink` it, and
// `privacy hide|show` their name on leaderboards.
import type { CoreDeps } from "../deps";
import type { Actor } from "../kernel/commandContext";
import type { Verbs } from "../commands/commandVerbs";
import { startLink, unlink, type LinkStart } from "./linking";
import { privacyCommand } from "./privacy";

async function linkCommand(deps: Pick<CoreDeps, "store" | "community">, actor: Actor): Promise<{ type: "link"; result: LinkStart }> {
  return { type: "link", result: await startLink(deps, actor) };
}

async function unlinkCommand(deps: Pick<CoreDeps, "store">, actor: Actor): Promise<{ type: "unlinked"; username: string | null }> {
  return { type: "unlinked", username: await unlink(deps, actor) };
}

export const accountCommands = { link: linkCommand, unlink: unlinkCommand, privacy: privacyCommand } satisfies Verbs;
