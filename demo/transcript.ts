// The demo's printed story: one line per thing someone saw, "who → whom: what", with the time since start.
import type { Block, SlackMessage } from "./standIns/slackApi";
import type { AdaptiveCardJson, CardElement } from "./standIns/botFramework";

const EMOJI: Record<string, string> = {
  ":white_check_mark:": "✅",
  ":raising_hand:": "🙋",
  ":speech_balloon:": "💬",
  ":lock:": "🔒",
  ":wastebasket:": "🗑️",
  ":leftwards_arrow_with_hook:": "↩️",
};

export class Transcript {
  private readonly started = Date.now();

  constructor(
    private readonly names: { users: Record<string, string>; channels: Record<string, string> },
    private readonly write: (line: string) => void = (line) => console.log(line),
  ) {}

  heading(text: string): void {
    this.write(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}`);
  }

  /** `from → to: what`, with indented detail lines under it. */
  line(from: string, to: string, what: string, detail: string[] = []): void {
    const elapsed = ((Date.now() - this.started) / 1000).toFixed(2).padStart(6);
    const [head = "", ...rest] = what ? [what, ...detail] : detail;
    this.write(`[${elapsed}s] ${from} → ${to}: ${head}`);
    for (const extra of rest) this.write(`            ${extra}`);
  }

  note(text: string): void {
    this.write(`            (${text})`);
  }

  raw(text: string): void {
    this.write(text);
  }

  /** Slack mrkdwn as a person would read it: links as their label, mentions as names, entities decoded. */
  plain(mrkdwn: string): string {
    return mrkdwn
      .replace(/<@([A-Z0-9]+)>/g, (_m, id: string) => `@${this.names.users[id] ?? id}`)
      .replace(/<#([A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => `#${this.names.channels[id] ?? id}`)
      .replace(/<([^|>]+)\|([^>]+)>/g, "$2")
      .replace(/<(https?:[^>]+)>/g, "$1")
      .replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? code)
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  }

  channel(id: string): string {
    if (this.names.channels[id]) return `#${this.names.channels[id]}`;
    return this.names.users[id] ? `DM to ${this.names.users[id]}` : id;
  }

  user(id: string): string {
    return this.names.users[id] ?? id;
  }

  /** Every block of a message, one line each; buttons as [Label]. */
  blocks(blocks: Block[]): string[] {
    return blocks.flatMap((block) => {
      if (block.type === "section" || block.type === "header")
        return this.plain(block.text?.text ?? "")
          .split("\n")
          .filter(Boolean);
      if (block.type === "context") return [(block.elements ?? []).map((element) => this.plain(String(element.text ?? ""))).join(" ")];
      if (block.type === "actions")
        return [(block.elements ?? []).map((element) => `[${String((element.text as { text?: string } | undefined)?.text ?? element.action_id)}]`).join(" ")];
      if (block.type === "input") return this.input(block);
      return block.type === "divider" ? ["────"] : [];
    });
  }

  /** A modal's field as someone sees it when the modal opens: its label, then what is filled in or offered. */
  private input(block: Block): string[] {
    const label = (block.label as { text?: string } | undefined)?.text ?? block.block_id ?? "";
    const element = (block.element ?? {}) as { type?: string; initial_value?: string; options?: Array<{ text?: { text?: string } }> };
    if (element.type === "checkboxes") return [label, ...(element.options ?? []).map((option) => `☐ ${this.plain(option.text?.text ?? "")}`)];
    const [first = "", ...more] = (element.initial_value ?? "").split("\n");
    return [`${label}: [${first}${more.some(Boolean) ? " …" : ""}]`];
  }

  /** What changed on a card: its status line and the buttons left. */
  cardState(message: SlackMessage): string[] {
    const state = message.blocks.find((block) => block.block_id?.endsWith("_state"));
    const actions = message.blocks.find((block) => block.type === "actions");
    return [state ? (this.blocks([state])[0] ?? "") : "open", actions ? (this.blocks([actions])[0] ?? "") : "(no buttons)"];
  }

  /** Teams markdown as a person reads it: links as their label, escapes dropped, bold written as in Slack. */
  markdown(text: string): string {
    return text
      .replace(/\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, "$1")
      .replace(/\*\*(.+?)\*\*/g, "*$1*")
      .replace(/\\([\\*_[\]])/g, "$1");
  }

  /** Every element of an Adaptive Card, one line each; inputs as fields, buttons as [Label]. */
  adaptive(card: AdaptiveCardJson): string[] {
    const buttons = buttonsOf(card);
    return [...card.body.flatMap((element) => this.element(element)), ...(buttons ? [buttons] : [])];
  }

  /** What changed on a Teams card: its status line (the TextBlocks set apart with spacing Medium) and the buttons left. */
  adaptiveState(card: AdaptiveCardJson): string[] {
    const state = card.body.filter((element) => element.spacing === "Medium").flatMap((element) => this.element(element));
    return [state.join(" ") || "open", buttonsOf(card) || "(no buttons)"];
  }

  private element(element: CardElement): string[] {
    switch (element.type) {
      case "TextBlock":
        return [this.markdown(String(element.text ?? ""))];
      case "RichTextBlock":
        return [((element.inlines ?? []) as CardElement[]).map((inline) => String(inline.text ?? "")).join("")];
      case "Input.Text":
        return [`${String(element.label ?? element.id)}: [${String(element.value || element.placeholder || "")}]`];
      case "Input.Toggle":
        return [`${element.value === element.valueOn ? "☑" : "☐"} ${String(element.title)}`];
      default:
        return [];
    }
  }
}

function buttonsOf(card: AdaptiveCardJson): string {
  return (card.actions ?? []).map((action) => `[${String(action.title)}]`).join(" ");
}

/** "#4823" from a Teams card's refresh action, which carries the topic. */
export function adaptiveCardTopic(card: AdaptiveCardJson | null): string {
  const id = card?.refresh?.action?.data?.topicId;
  return id ? `#${id}` : "?";
}

/** "#4821" from a card's block ids (q_4821_head). */
export function cardTopic(message: { blocks: Block[] }): string {
  const id = message.blocks.map((block) => /^q_(\d+)_/.exec(block.block_id ?? "")?.[1]).find(Boolean);
  return id ? `#${id}` : "?";
}
