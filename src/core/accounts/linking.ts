// Linking an employee to their own community account: found by their verified work email, linked only on their yes.
import type { CoreDeps } from "../deps";
import type { Employee } from "../kernel/model";
import { notifyEmployee, surfaceOf } from "../notices";
import { actorEmployee } from "./actor";
import type { Actor } from "../kernel/commandContext";
import { lanes } from "../kernel/lanes";
import { recordVerifiedEmail, type ChatIdentityRef } from "./identity";

export type LinkStart = { status: "already_linked"; username: string } | { status: "looking_up" };

export async function startLink(deps: Pick<CoreDeps, "store" | "community">, actor: Actor): Promise<LinkStart> {
  const employee = await actorEmployee(deps, actor);
  // Looked up even when linked: the profile's email, read again, is what joins this chat account to the same
  // person on another surface (the lookup asks nothing more of someone already linked).
  await deps.store.outbox.enqueue(
    { kind: "account.lookup", employeeId: employee.id, surface: surfaceOf(actor), userId: actor.userId },
    { lane: lanes.community(deps.community.name) },
  );
  if (employee.communityUsername) return { status: "already_linked", username: employee.communityUsername };
  return { status: "looking_up" };
}

/** Outbox handler: the chat profile's email, then the community user with that email, then a consent question. */
export async function lookUpAccount(
  deps: Pick<CoreDeps, "store" | "community" | "chat" | "clock" | "settings">,
  employeeId: string,
  asker: ChatIdentityRef | null,
): Promise<string> {
  const found = await deps.store.employees.byId(employeeId);
  if (!found || found.communityUsername) return "nothing to look up";
  const identity = asker ?? found;
  const chat = deps.chat[identity.surface as "slack" | "teams"];
  if (!chat) return "no chat surface";
  // A failed lookup (a Teams member not found, a timeout) throws: the identity stays its own person and the
  // outbox tries again later; nothing is guessed.
  const profile = await chat.getUserProfile(identity.externalId);
  // The email also finds the person in HR's directory, for the department in HR reports: HR's own data wins
  // over what the chat profile says.
  const email = profile.email?.toLowerCase() ?? null;
  // The same verified email on another identity: this is someone Advocate knows, maybe already linked.
  const employee = (email ? await recordVerifiedEmail(deps, identity, email) : null) ?? found;
  if (employee.communityUsername) return "already linked, as one person";
  const department = (email ? await deps.store.directory.departmentOf(email) : null) ?? profile.department ?? null;
  const updated = await deps.store.employees.update(employee.id, {
    ...(profile.displayName ? { displayName: profile.displayName } : {}),
    ...(profile.locale ? { locale: profile.locale } : {}),
    ...(email ? { email } : {}),
    ...(department ? { department } : {}),
  });
  const options = { defaultLocale: deps.settings.defaultLocale };
  // Answered where they asked, on that surface.
  const asking = { ...updated, surface: identity.surface, externalId: identity.externalId };
  if (!profile.email) {
    await notifyEmployee(deps.store, asking, { type: "link_no_email" }, options);
    return "no email";
  }
  const user = await deps.community.findUserByEmail(profile.email);
  if (!user) {
    // Their text waiting for the link (a thread reply, a refused form) is kept while they sign up.
    const textKept = (await deps.store.replyDrafts.offeredTo(employee.id)).length > 0;
    const signupUrl = `${deps.community.baseUrl.replace(/\/+$/, "")}/signup`;
    await notifyEmployee(deps.store, asking, { type: "link_not_found", email: profile.email, signupUrl, textKept }, options);
    return "no community account";
  }
  await deps.store.transaction(async (tx) => {
    await tx.employees.update(employee.id, { offeredUsername: user.username, offeredUserId: user.userId });
    await notifyEmployee(tx, asking, { type: "link_offer", username: user.username, host: new URL(deps.community.baseUrl).host }, options);
  });
  return "offered";
}

/** The employee's own yes to the offer made to them; there is no way to link anyone else. */
export async function acceptLink(deps: Pick<CoreDeps, "store" | "clock">, actor: Actor): Promise<Employee | null> {
  const employee = await actorEmployee(deps, actor);
  if (!employee.offeredUsername) return null;
  return deps.store.employees.update(employee.id, {
    communityUsername: employee.offeredUsername,
    communityUserId: employee.offeredUserId,
    linkedAt: deps.clock.now(),
    offeredUsername: null,
    offeredUserId: null,
  });
}

export async function declineLink(deps: Pick<CoreDeps, "store">, actor: Actor): Promise<void> {
  const employee = await actorEmployee(deps, actor);
  await deps.store.employees.update(employee.id, { offeredUsername: null, offeredUserId: null });
}

export async function unlink(deps: Pick<CoreDeps, "store">, actor: Actor): Promise<string | null> {
  const employee = await actorEmployee(deps, actor);
  if (!employee.communityUsername) return null;
  await deps.store.employees.update(employee.id, { communityUsername: null, communityUserId: null, linkedAt: null });
  return employee.communityUsername;
}
