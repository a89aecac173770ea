// Table 1: how fast the app acks what people do, with 50 clients at once (signed Slack slash commands, button
// clicks and modal submissions, and Teams invokes: a card's Action.Execute), against a floor measured side by side:
// a bare Bolt app and a bare botbuilder bot (bench/floors) sent exactly the same requests. Floor and app take
// turns, round by round, so that whatever else loads the machine meanwhile weighs on both; the ratio
// Advocate / floor is the figure to steer by, not an absolute p99 that says as much about the load generator.
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { TeamsPost } from "../../demo/standIns/botFramework";
import { CUSTOMER_QUESTIONS } from "../../demo/teamsStory";
import { ANSWER_MODAL } from "../../src/chat/slack/presenters/modals";
import { CHANNELS, priya, sanne, type World } from "../support/world";
import type { AppProcess } from "../support/appProcess";
import type { Floors } from "../floors/start";
import { ms, percentile, runConcurrently } from "../support/stats";
import { benchTag, cardFor, newQuestion, routeBenchTags } from "./setup";

const CLIENTS = 50;
/** Requests per kind, for the app and for the floor each, in ROUNDS turns. */
const EACH = 500;
const ROUNDS = 5;
const WARM_UP = 100;

type Senders = ReturnType<World["senders"]>;
type Surface = keyof Floors & keyof Senders;

interface Side {
  latencies: number[];
  statuses: Record<string, number>;
  /** The worst of the rounds' event loop delay p99 in the serving process (ms). */
  loopP99Ms: number | null;
}

export async function measureAcks(world: World, app: AppProcess, floors: Floors) {
  await routeBenchTags(world, app.url);
  const topicId = await newQuestion(world, benchTag(0));
  // A snapshot: clicks redraw the card (Claim becomes Release), the benchmark keeps pressing the same button.
  const card = structuredClone(await cardFor(world, topicId));
  const teamsCard: TeamsPost = {
    id: "1763633650000",
    conversationId: `${CUSTOMER_QUESTIONS};messageid=1763633650000`,
    channelId: CUSTOMER_QUESTIONS,
    threadOf: "1763633650000",
    text: "",
    card: null,
  };
  // An answer form sent empty: the app answers with the field's error, as it must within Slack's 3 seconds.
  // As the app opens it: ids and the form's language (so a field error needs no database read before the ack).
  const form = {
    id: "V0BENCH01",
    type: "modal",
    callback_id: ANSWER_MODAL,
    private_metadata: JSON.stringify({ topicId, channelId: CHANNELS[0], messageTs: card.ts, locale: "en" }),
  };
  const emptyAnswer = {
    answer: { answer_text: { type: "plain_text_input", value: "" } },
    consent: { publish_as_me: { type: "checkboxes", selected_options: [] } },
  };
  const kinds: Array<{ kind: string; surface: Surface; send: (to: Senders) => Promise<number> }> = [
    {
      kind: "Slack slash command (/advocate help)",
      surface: "slack",
      send: async (to) => (await to.slack.slashCommand(priya, CHANNELS[0] ?? "", "help")).status,
    },
    { kind: "Slack button (Claim on a card)", surface: "slack", send: async (to) => (await to.slack.clickButton(priya, card, "advocate_claim")).status },
    { kind: "Slack modal submission (answer form)", surface: "slack", send: async (to) => (await to.slack.submitView(priya, form, emptyAnswer)).status },
    {
      kind: "Teams invoke (card Action.Execute)",
      surface: "teams",
      send: async (to) => (await to.teams.cardAction(sanne, teamsCard, "advocate.claim", { topicId })).status,
    },
  ];
  const appSenders = world.senders(app.url);
  const rows = [];
  const loops = [];
  const all = { app: [] as number[], floor: [] as number[] };
  const benchLoop = monitorEventLoopDelay({ resolution: 10 });
  for (const { kind, surface, send } of kinds) {
    const floor = floors[surface];
    const sides = [
      { name: "floor" as const, process: floor, senders: world.senders(floor.url) },
      { name: "app" as const, process: app, senders: appSenders },
    ];
    // Compiled code paths and warm caches, as in a running service.
    for (const side of sides) await runConcurrently(WARM_UP, CLIENTS, () => send(side.senders));
    const measured: Record<"app" | "floor", Side> = { app: emptySide(), floor: emptySide() };
    benchLoop.reset();
    benchLoop.enable();
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of sides) {
        await side.process.loopDelayP99Ms(); // starts the process's reading afresh for this round
        const { latencies, statuses } = await runConcurrently(EACH / ROUNDS, CLIENTS, () => send(side.senders));
        const loopP99Ms = await side.process.loopDelayP99Ms();
        const into = measured[side.name];
        into.latencies.push(...latencies);
        for (const [status, count] of Object.entries(statuses)) into.statuses[status] = (into.statuses[status] ?? 0) + count;
        if (loopP99Ms !== null) into.loopP99Ms = Math.max(into.loopP99Ms ?? 0, loopP99Ms);
      }
    }
    benchLoop.disable();
    all.app.push(...measured.app.latencies);
    all.floor.push(...measured.floor.latencies);
    rows.push(
      row(
        kind,
        measured.app.latencies,
        measured.floor.latencies,
        `Advocate ${JSON.stringify(measured.app.statuses)}, floor ${JSON.stringify(measured.floor.statuses)}`,
      ),
    );
    loops.push({
      kind,
      "bench p99 (ms)": ms(benchLoop.count ? benchLoop.percentile(99) / 1e6 : NaN),
      "Advocate p99 (ms)": ms(measured.app.loopP99Ms ?? NaN),
      "floor p99 (ms)": ms(measured.floor.loopP99Ms ?? NaN),
    });
  }
  rows.push(row("all of the above", all.app, all.floor, ""));
  return { rows, loops };
}

function emptySide(): Side {
  return { latencies: [], statuses: {}, loopP99Ms: null };
}

function row(kind: string, app: number[], floor: number[], statuses: string) {
  const [appP50, appP99, floorP50, floorP99] = [percentile(app, 50), percentile(app, 99), percentile(floor, 50), percentile(floor, 99)];
  return {
    kind,
    requests: app.length,
    "Advocate p50": ms(appP50),
    "Advocate p99": ms(appP99),
    "floor p50": ms(floorP50),
    "floor p99": ms(floorP99),
    "p50×": ratio(appP50, floorP50),
    "p99×": ratio(appP99, floorP99),
    statuses,
  };
}

const ratio = (app: number, floor: number) => (floor > 0 && Number.isFinite(app / floor) ? Number((app / floor).toFixed(2)) : null);
