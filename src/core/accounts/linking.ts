// Linking an employee to their own community account: found by their verified work email, linked only on their yes.
import type { CoreDeps } from "../deps";
import type { Employee } from "../kernel/model";
import { notifyEmployee } from "../notices";
import { actorEmployee } from "../accounts/actor";
import type { Actor } from "../kernel/commandContext";
import { lanes } from "../kernel/lanes";

export type LinkStart = { status: "already_linked"; username: string } | { status: "looking_up" };

export async function startLink(deps: CoreDeps, actor: Actor): Promise<LinkStart> {
  const employee = await actorEmployee(deps, actor);
  if (employee.communityUsername) return { status: "already_linked", username: employee.communityUsername };
  await deps.store.outbox.enqueue({ kind: "account.lookup", employeeId: employee.id }, { lane: lanes.community(deps.community.name) });
  return { status: "looking_up" };
}

/** Outbox handler: the chat profile's email, then the community user with that email, then a consent question. */
export async function lookUpAccount(deps: CoreDeps, employeeId: string): Promise<string> {
  const employee = await deps.store.employees.byId(employeeId);
  if (!employee || employee.communityUsername) return "nothing to look up";
  const chat = deps.chat[employee.surface as "slack" | "teams"];
  if (!chat) return "no chat surface";
  const profile = await chat.getUserProfile(employee.externalId);
  // The email also finds the person in HR's directory, for the department in HR reports: HR's own data wins
  // over what the chat profile says.
  const email = profile.email?.toLowerCase() ?? null;
  const department = (email ? await deps.store.directory.departmentOf(email) : null) ?? profile.department ?? null;
  const updated = await deps.store.employees.update(employee.id, {
    ...(profile.displayName ? { displayName: profile.displayName } : {}),
    ...(profile.locale ? { locale: profile.locale } : {}),
    ...(email ? { email } : {}),
    ...(department ? { department } : {}),
  });
  const options = { defaultLocale: deps.settings.defaultLocale };
  if (!profile.email) {
    await notifyEmployee(deps.store, updated, { type: "link_no_email" }, options);
    return "no email";
  }
  const user = await deps.community.findUserByEmail(profile.email);
  if (!user) {
    // Their text waiting for the link (a thread reply, a refused form) is kept while they sign up.
    const textKept = (await deps.store.replyDrafts.offeredTo(employee.id)).length > 0;
    const signupUrl = `${deps.community.baseUrl.replace(/\/+$/, "")}/signup`;
    await notifyEmployee(deps.store, updated, { type: "link_not_found", email: profile.email, signupUrl, textKept }, options);
    return "no community account";
  }
  await deps.store.transaction(async (tx) => {
    await tx.employees.update(employee.id, { offeredUsername: user.username, offeredUserId: user.userId });
    await notifyEmployee(tx, updated, { type: "link_offer", username: user.username, host: new URL(deps.community.baseUrl).host }, options);
  });
  return "offered";
}

/** The employee's own yes to the offer made to them; there is no way to link anyone else. */
export async function acceptLink(deps: CoreDeps, actor: Actor): Promise<Employee | null> {
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

export async function declineLink(deps: CoreDeps, actor: Actor): Promise<void> {
  const employee = await actorEmployee(deps, actor);
  await deps.store.employees.update(employee.id, { offeredUsername: null, offeredUserId: null });
}

export async function unlink(deps: CoreDeps, actor: Actor): Promise<string | null> {
  const employee = await actorEmployee(deps, actor);
  if (!employee.communityUsername) return null;
  await deps.store.employees.update(employee.id, { communityUsername: null, communityUserId: null, linkedAt: null });
  return employee.communityUsername;
}
