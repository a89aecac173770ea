// Keeps response promises: at 50 % and 90 % of a promise's business time the card's channel is reminded, at 100 %
// the rule's escalation channel or person hears of it (or the channel itself). Runs every minute as one outbox
// item (one replica at a time); each notice has its own dedupe key, so none is ever posted twice. After downtime,
// everything that moved on meanwhile goes out as one summary per channel instead of a flood.
import type { CoreDeps } from "../deps";
import type { Card, Question, RoutingRule } from "../kernel/model";
import type { CoreRepos } from "../deps";
import { notifyChannel, notifyEmployee } from "../notices";
import { businessMsBetween } from "./businessCalendar";
import { refreshCards } from "../cards";
import type { Notice } from "../ports/views/notice";
import type { BusinessCalendar } from "../kernel/businessCalendar";

const CURSOR = "promises:checkedAt";
/** A gap this long since the last check means the app was down: summarise rather than replay. */
export const CATCH_UP_AFTER_MS = 5 * 60_000;
/** The reminder stages: 1 at half the time, 2 at 90 %, 3 when it is up. */
const STAGES: Array<[number, number]> = [
  [3, 1],
  [2, 0.9],
  [1, 0.5],
];

export function promiseStage(
  question: Pick<Question, "postedAt" | "promiseMinutes">,
  now: Date,
  calendar: BusinessCalendar,
): { stage: number; leftMinutes: number } {
  const total = (question.promiseMinutes ?? 0) * 60_000;
  const used = businessMsBetween(question.postedAt, now, calendar);
  const stage = STAGES.find(([, share]) => used >= total * share)?.[0] ?? 0;
  return { stage, leftMinutes: Math.max(0, Math.ceil((total - used) / 60_000)) };
}

interface Moved {
  question: Question;
  stage: number;
  leftMinutes: number;
  cards: Card[];
  rule: RoutingRule | null;
}

/** Where a notice goes: a channel (in a card's thread, or on its own) or a person. */
type Place =
  { kind: "channel"; surface: string; channelId: string; threadRef: string | null; locale: string } | { kind: "user"; surface: string; userId: string };

export async function checkPromises(deps: Pick<CoreDeps, "store" | "clock" | "settings">): Promise<string> {
  const now = deps.clock.now();
  const last = await deps.store.cursors.get(CURSOR);
  const catchingUp = last !== null && now.getTime() - Date.parse(last) > CATCH_UP_AFTER_MS;
  const rules = await deps.store.rules.list();
  const moved: Moved[] = [];
  for (const question of await deps.store.questions.openPromises()) {
    const { stage, leftMinutes } = promiseStage(question, now, deps.settings.calendar);
    if (stage <= question.promiseStage) continue;
    // A card the community moved away says only where it went: reminders go where the question is now.
    const cards = (await deps.store.cards.forQuestion(question.id)).filter((card) => !card.movedToChannelId);
    moved.push({ question, stage, leftMinutes, cards, rule: rules.find((rule) => rule.id === question.promiseRuleId) ?? null });
  }
  await deps.store.transaction(async (tx) => {
    for (const item of moved) {
      await tx.questions.update(item.question.id, { promiseStage: item.stage });
      // A missed promise shows on the card itself too.
      if (item.stage === 3) await refreshCards(tx, item.question.id);
    }
    if (catchingUp) await summarise(deps, tx, moved, now);
    else for (const item of moved) await remind(deps, tx, item);
    await tx.cursors.set(CURSOR, now.toISOString());
  });
  return `${moved.length} promise(s) moved on${catchingUp ? ", summarised after a gap" : ""}`;
}

function cardPlaces(item: Moved, inThread: boolean): Place[] {
  return item.cards.map((card) => ({
    kind: "channel",
    surface: card.surface,
    channelId: card.channelId,
    threadRef: inThread ? card.messageRef : null,
    locale: card.locale,
  }));
}

/** A missed promise goes to the rule's escalation target, else to the card's channel. */
function escalationPlaces(deps: Pick<CoreDeps, "settings">, item: Moved): Place[] {
  const { rule } = item;
  if (!rule?.escalateTo || !rule.escalateSurface) return cardPlaces(item, true);
  if (rule.escalateKind === "user") return [{ kind: "user", surface: rule.escalateSurface, userId: rule.escalateTo }];
  const card = item.cards.find((candidate) => candidate.surface === rule.escalateSurface);
  return [{ kind: "channel", surface: rule.escalateSurface, channelId: rule.escalateTo, threadRef: null, locale: card?.locale ?? deps.settings.defaultLocale }];
}

async function send(deps: Pick<CoreDeps, "settings">, tx: CoreRepos, place: Place, notice: Notice, dedupeKey: string): Promise<void> {
  if (place.kind === "channel") return notifyChannel(tx, place, notice, { dedupeKey });
  const employee = await tx.employees.ensure(place.surface, place.userId);
  await notifyEmployee(tx, employee, notice, { defaultLocale: deps.settings.defaultLocale, dedupeKey });
}

const placeKey = (place: Place) => (place.kind === "user" ? `${place.surface}:user:${place.userId}` : `${place.surface}:${place.channelId}`);

async function remind(deps: Pick<CoreDeps, "settings">, tx: CoreRepos, item: Moved): Promise<void> {
  const { question } = item;
  if (item.stage < 3) {
    const notice: Notice = { type: "promise_reminder", title: question.title, url: question.url, leftMinutes: item.leftMinutes };
    for (const place of cardPlaces(item, true)) await send(deps, tx, place, notice, `promise:${question.id}:${item.stage}:${placeKey(place)}`);
    return;
  }
  const notice: Notice = { type: "promise_missed", title: question.title, url: question.url, promiseMinutes: question.promiseMinutes ?? 0 };
  for (const place of escalationPlaces(deps, item)) await send(deps, tx, place, notice, `promise:${question.id}:3:${placeKey(place)}`);
}

async function summarise(deps: Pick<CoreDeps, "settings">, tx: CoreRepos, moved: Moved[], now: Date): Promise<void> {
  const byPlace = new Map<string, { place: Place; items: Array<{ title: string; url: string; missed: boolean; leftMinutes: number }> }>();
  for (const item of moved) {
    const places = item.stage === 3 ? escalationPlaces(deps, item) : cardPlaces(item, false);
    for (const place of places) {
      const key = placeKey({ ...place, ...(place.kind === "channel" ? { threadRef: null } : {}) });
      const entry = byPlace.get(key) ?? { place: place.kind === "channel" ? { ...place, threadRef: null } : place, items: [] };
      entry.items.push({ title: item.question.title, url: item.question.url, missed: item.stage === 3, leftMinutes: item.leftMinutes });
      byPlace.set(key, entry);
    }
  }
  for (const [key, { place, items }] of byPlace) {
    await send(deps, tx, place, { type: "promise_catch_up", items }, `promise-catch-up:${key}:${now.toISOString().slice(0, 16)}`);
  }
}
