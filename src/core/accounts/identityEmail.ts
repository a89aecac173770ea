// A chat identity's verified work email, learnt at first contact rather than only on `link` (a Teams activity; a
// Slack command, button, form or App Home visit), so that the same person on another surface is one person from
// the start. The profile is read through the outbox: a lookup that fails leaves the identity a person of its own
// and is tried again (the outbox's back-off, and the next contact while the email is still unknown); nothing is
// guessed.
import type { CoreDeps } from "../deps";
import type { Actor } from "../kernel/commandContext";
import { lanes } from "../kernel/lanes";
import { surfaceOf } from "../notices";
import { actorEmployee } from "./actor";
import { recordVerifiedEmail, type ChatIdentityRef } from "./identity";

/** Someone interacted: when their identity's email is not known yet, queue reading it from their chat profile. */
export async function learnEmailOf(deps: Pick<CoreDeps, "store">, actor: Actor): Promise<void> {
  const identity = await deps.store.employees.identity(actor.surface, actor.userId);
  if (identity?.email) return;
  // Someone new is a person of their own until the lookup says otherwise (the lookup only reads known identities).
  if (!identity) await actorEmployee(deps, actor);
  await queueEmailLookup(deps, actor);
}

/**
 * As learnEmailOf, after the interaction was handled, for an identity Advocate knows by then; nobody is added for
 * the lookup's sake, and someone who has just been forgotten (`forget me`) is not added back.
 */
export async function learnEmailOfKnown(deps: Pick<CoreDeps, "store">, actor: Actor): Promise<void> {
  const identity = await deps.store.employees.identity(actor.surface, actor.userId);
  if (identity && !identity.email) await queueEmailLookup(deps, actor);
}

async function queueEmailLookup(deps: Pick<CoreDeps, "store">, actor: Actor): Promise<void> {
  const surface = surfaceOf(actor);
  await deps.store.outbox.enqueue(
    { kind: "account.verifyEmail", surface, userId: actor.userId },
    // Coalesced: a burst of messages from someone new asks once (plus the one that may be running).
    { lane: lanes.profile(surface, actor.userId), coalesce: true },
  );
}

/** Reads the identity's chat profile and records its email, merging persons that share it; throws when the read fails. */
export async function verifyIdentityEmail(deps: Pick<CoreDeps, "store" | "chat" | "clock" | "settings">, identity: ChatIdentityRef): Promise<string> {
  const known = await deps.store.employees.identity(identity.surface, identity.externalId);
  // Gone since (`forget me`): nothing of theirs is read or stored again.
  if (!known) return "identity no longer known";
  if (known.email) return "email already known";
  const chat = deps.chat[surfaceOf(identity)];
  if (!chat) return "no chat surface";
  const profile = await chat.getUserProfile(identity.externalId);
  if (!profile.email) return "no email in the profile";
  await recordVerifiedEmail(deps, identity, profile.email);
  return "email verified";
}
