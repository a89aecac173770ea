// Replies to `/advocate …`, shown only to the person who asked.
import type { KnownBlock } from "@slack/types";
import type { TFunction } from "i18next";
import type { CommandReply } from "../../../core/commands/runCommand";
import type { ChatTarget } from "../../../core/model";
import { describeRule } from "../../../core/routing/parseRuleSpec";
import { translator } from "../../../i18n";
import { escapeMrkdwn, mrkdwn } from "./mrkdwn";
import { boardLines } from "./leaderboardLines";

/** Slack channels as live links; channels on other surfaces by name of their surface. */
function channelLabel(target: ChatTarget, t: TFunction): string {
  return target.surface === "slack" ? `<#${target.channelId}>` : t("rules.otherSurface", { surface: target.surface });
}

export function commandReply(reply: CommandReply, locale: string): { text: string; blocks: KnownBlock[] } {
  const text = replyText(reply, locale);
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }] };
}

function replyText(reply: CommandReply, locale: string): string {
  const t = translator(locale);
  switch (reply.type) {
    case "help":
      return [t("help.intro"), t("help.user"), reply.isAdmin ? t("help.admin") : null].filter(Boolean).join("\n\n");
    case "points":
      return [
        t("points.mine", { total: reply.points.total, month: reply.points.thisMonth }),
        reply.points.rank ? t("points.rank", { rank: reply.points.rank }) : t("points.noRank"),
        reply.linkedAs ? null : t("home.notLinked"),
      ]
        .filter(Boolean)
        .join("\n");
    case "leaderboard": {
      const { board } = reply;
      const lines = boardLines(board.top, locale) || t("leaderboard.empty");
      const me = board.me && !board.top.some((row) => row.employeeId === board.me?.employeeId) ? `\n…\n${t("leaderboard.you", { rank: board.me.rank, count: board.me.points })}` : "";
      return `*${t(`leaderboard.title.${board.period}`)}*\n${lines}${me}`;
    }
    case "link":
      return reply.result.status === "already_linked" ? t("link.already", { username: escapeMrkdwn(reply.result.username) }) : t("link.lookingUp");
    case "unlinked":
      return reply.username ? t("link.unlinked", { username: escapeMrkdwn(reply.username) }) : t("link.notLinked");
    case "rules": {
      const lines = reply.rules.map((rule) => `#${rule.id} · ${escapeMrkdwn(describeRule(rule))} → ${rule.targets.map((target) => channelLabel(target, t)).join(", ")} (${t("rules.priority", { priority: rule.priority })})`);
      const fallback = reply.fallback ? t("rules.fallback", { channel: `<#${reply.fallback}>` }) : t("rules.noFallback");
      return [`*${t("rules.title")}*`, lines.join("\n") || t("rules.none"), fallback].join("\n");
    }
    case "rule_added":
      return t(reply.merged ? "rules.merged" : "rules.added", { id: reply.rule.id, rule: escapeMrkdwn(describeRule(reply.rule)), channel: reply.rule.targets.map((target) => channelLabel(target, t)).join(", ") });
    case "rule_removed":
      return reply.removed ? t("rules.removed", { id: reply.id }) : t("rules.notFound", { id: reply.id });
    case "fallback_set":
      return t("rules.fallbackSet", { channel: `<#${reply.channelId}>` });
    case "language_set":
      return t("language.set", { locale: reply.locale });
    case "error":
      return t(`errors.${reply.problem}`, { detail: escapeMrkdwn(reply.detail ?? "") });
  }
}
