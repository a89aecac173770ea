// "Not for us": the card says who passed it on and why, and the question goes to the fallback channel.
import type { CoreDeps } from "../deps";
import { actorEmployee } from "../accounts";
import { findCard } from "./findCard";
import type { Actor } from "../kernel/commandContext";
import { lanes } from "../kernel/lanes";

export type PassOnResult = { ok: true; to: string | null } | { ok: false; reason: "not_found" | "not_open" };

export async function passOn(
  deps: Pick<CoreDeps, "store" | "community" | "settings">,
  actor: Actor,
  at: { channelId: string; topicId: number },
  note: string,
): Promise<PassOnResult> {
  const found = await findCard(deps, { surface: actor.surface, ...at });
  if (!found) return { ok: false, reason: "not_found" };
  if (found.card.passedOnBy || !["open", "pending"].includes(found.question.status)) return { ok: false, reason: "not_open" };
  const employee = await actorEmployee(deps, actor);
  const fallback = await deps.store.channels.fallback();
  const elsewhere = fallback && !(fallback.surface === found.card.surface && fallback.channelId === found.card.channelId) ? fallback : null;
  return deps.store.transaction(async (tx) => {
    await tx.cards.update(found.card.id, { passedOnBy: employee.displayName ?? employee.externalId, passedOnNote: note });
    await tx.outbox.enqueue(
      { kind: "chat.refreshCard", cardId: found.card.id },
      { lane: lanes.channel(found.card.surface, found.card.channelId), coalesce: true },
    );
    if (!elsewhere) return { ok: true, to: null } as const;
    if (!(await tx.cards.find(found.question.id, elsewhere.surface, elsewhere.channelId))) {
      const locale = (await tx.channels.locale(elsewhere.surface, elsewhere.channelId)) ?? deps.settings.defaultLocale;
      const card = await tx.cards.create({
        questionId: found.question.id,
        surface: elsewhere.surface,
        channelId: elsewhere.channelId,
        locale,
        routedBy: "passed_on",
      });
      await tx.outbox.enqueue({ kind: "chat.postCard", cardId: card.id }, { lane: lanes.channel(card.surface, card.channelId) });
    }
    return { ok: true, to: elsewhere.channelId } as const;
  });
}
