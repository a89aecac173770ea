// A person, not an account: chat identities whose profiles give the same verified work email are one person. The
// oldest person survives a merge; a conflict (two community links, two charity picks) keeps the most recent.
import type { CoreDeps } from "../deps";
import type { Employee } from "../kernel/model";
import { notifyEmployee } from "../notices";
import type { MergeConflict } from "./employeeRepo";

export interface ChatIdentityRef {
  surface: string;
  externalId: string;
}

/**
 * The person a verified work email belongs to (an identity whose chat profile gave it last; the oldest, should two
 * persons not be merged yet), or null when no chat profile gave it: the console signs people in by it.
 */
export async function personByVerifiedEmail(deps: Pick<CoreDeps, "store">, email: string): Promise<Employee | null> {
  const [person] = await deps.store.employees.byIdentityEmail(email.trim().toLowerCase());
  return person ?? null;
}

/**
 * Records the email an identity's chat profile verified and merges every person it then names into the oldest, in
 * one transaction. Only the identity's latest email counts: one that changed takes the identity along with its person,
 * never into whoever still shows the old one. Returns the person the identity belongs to afterwards.
 */
export async function recordVerifiedEmail(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  identity: ChatIdentityRef,
  email: string,
): Promise<Employee | null> {
  const address = email.trim().toLowerCase();
  return deps.store.transaction(async (tx) => {
    await tx.employees.recordIdentityEmail(identity.surface, identity.externalId, address, deps.clock.now());
    const [survivor, ...others] = await tx.employees.byIdentityEmail(address);
    if (!survivor || others.length === 0) return survivor ?? null;
    const conflicts: MergeConflict[] = [];
    for (const other of others) conflicts.push(...(await tx.employees.merge(survivor.id, other.id, address)));
    const person = await tx.employees.byId(survivor.id);
    if (!person) return null;
    // Told on every surface they use: which of two links or charities was kept.
    for (const each of await tx.employees.identities(person.id)) {
      await notifyEmployee(
        tx,
        { ...person, surface: each.surface, externalId: each.externalId },
        { type: "identity_merged", linkedAs: person.communityUsername, conflicts },
        { defaultLocale: deps.settings.defaultLocale, dedupeKey: `identity.merged:${others[0]!.id}:${each.surface}:${each.externalId}` },
      );
    }
    return person;
  });
}
