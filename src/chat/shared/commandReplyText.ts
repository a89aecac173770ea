// The words of every command reply, for every surface; the surface's Markup supplies the formatting.
import type { CommandReply } from "../../core/commands/runCommand";
import type { ChatTarget } from "../../core/kernel/model";
import { describeRule } from "../../core/routing";
import { translator } from "../../i18n";
import { boardLines } from "./leaderboardLines";
import type { Markup } from "./markup";
import { charityReplyText, shareLine } from "./charityText";
import { storyReplyText } from "./storyText";
import { hrReportText } from "./hrReportText";

/** The channels a reply names, for a surface that must look their names up before it writes them. */
export function channelsNamedIn(reply: CommandReply): ChatTarget[] {
  switch (reply.type) {
    case "rules":
      return [...reply.rules.flatMap((rule) => rule.targets), ...(reply.fallback ? [reply.fallback] : [])];
    case "rule_added":
      return reply.rule.targets;
    case "fallback_set":
    case "problems_set":
      return [reply.target];
    default:
      return [];
  }
}

export function commandReplyText(reply: CommandReply, locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  const other = (surface: string) => t("rules.otherSurface", { surface });
  const channels = (targets: Parameters<Markup["channel"]>[0][]) => targets.map((target) => markup.channel(target, other)).join(", ");
  switch (reply.type) {
    case "help":
      return [t("help.intro"), t("help.user"), reply.isAdmin ? `${markup.bold(t("help.adminTitle"))}\n${t("help.admin")}` : null].filter(Boolean).join("\n\n");
    case "points":
      return [
        t("points.mine", { total: markup.bold(String(reply.points.total)), month: reply.points.thisMonth }),
        reply.points.rank ? t("points.rank", { rank: reply.points.rank }) : t("points.noRank"),
        shareLine(reply.charity, locale, markup),
        reply.linkedAs ? null : t("home.notLinked"),
      ]
        .filter(Boolean)
        .join("\n");
    case "home":
      return t(`home.requested.${reply.surface}`);
    case "leaderboard": {
      const { board } = reply;
      const lines = boardLines(board.top, locale, markup) || t("leaderboard.empty");
      const me =
        board.me && !board.top.some((row) => row.employeeId === board.me?.employeeId)
          ? `\n…\n${t("leaderboard.you", { rank: board.me.rank, count: board.me.points })}`
          : "";
      return `${markup.bold(t(`leaderboard.title.${board.period}`))}\n${lines}${me}`;
    }
    case "privacy":
      if (!reply.changed) return t(reply.hidden ? "privacy.isHidden" : "privacy.isShown");
      return t(reply.hidden ? "privacy.hidden" : "privacy.shown");
    case "link":
      return reply.result.status === "already_linked" ? t("link.already", { username: markup.escape(reply.result.username) }) : t("link.lookingUp");
    case "unlinked":
      return reply.username ? t("link.unlinked", { username: markup.escape(reply.username) }) : t("link.notLinked");
    case "rules": {
      const lines = reply.rules.map(
        (rule) => `#${rule.id} · ${markup.escape(describeRule(rule))} → ${channels(rule.targets)} (${t("rules.priority", { priority: rule.priority })})`,
      );
      const fallback = reply.fallback ? t("rules.fallback", { channel: channels([reply.fallback]) }) : t("rules.noFallback");
      return [markup.bold(t("rules.title")), lines.join("\n") || t("rules.none"), fallback].join("\n");
    }
    case "rule_added":
      return t(reply.merged ? "rules.merged" : "rules.added", {
        id: reply.rule.id,
        rule: markup.escape(describeRule(reply.rule)),
        channel: channels(reply.rule.targets),
      });
    case "rule_needs_channel":
      return t("rules.pickChannel", { rule: markup.escape(reply.rule.join(" ")) });
    case "rule_removed":
      return reply.removed ? t("rules.removed", { id: reply.id }) : t("rules.notFound", { id: reply.id });
    case "fallback_set":
      return t("rules.fallbackSet", { channel: channels([reply.target]) });
    case "problems_set":
      return t("rules.problemsSet", { channel: channels([reply.target]), threshold: reply.threshold });
    case "follows":
      return [
        reply.changed ? t(reply.changed.following ? "follow.added" : "follow.removed", { topic: markup.escape(reply.changed.topic) }) : null,
        reply.topics.length ? t("follow.list", { topics: reply.topics.map((topic) => markup.escape(topic)).join(", ") }) : t("follow.none"),
      ]
        .filter(Boolean)
        .join("\n");
    case "ai":
      return [
        reply.switched ? t(`ai.switched.${reply.switched}`) : null,
        !reply.configured ? t("ai.notConfigured") : t(reply.enabled ? "ai.statusOn" : "ai.statusOff", { tokens: reply.tokensToday, budget: reply.budget ?? 0 }),
        reply.configured ? t("ai.topics", { topics: reply.topics.length ? reply.topics.join(", ") : "–" }) : null,
      ]
        .filter(Boolean)
        .join("\n");
    case "language_set":
      return t("language.set", { locale: reply.locale });
    case "point_rules": {
      const lines = Object.entries(reply.rules).map(([rule, value]) => `${rule}: ${markup.bold(String(value))} · ${t(`pointRules.meaning.${rule}`)}`);
      return [markup.bold(t("pointRules.title")), ...lines, t("pointRules.hint")].join("\n");
    }
    case "point_rule_set":
      return t("pointRules.set", { rule: reply.rule, value: reply.value });
    case "story_shared":
    case "story_none":
    case "story_scheduled":
    case "story_schedules":
    case "story_stopped":
      return storyReplyText(reply, locale, markup);
    case "report":
      return hrReportText(reply.report, locale, markup);
    case "report_sent":
      return t("report.sent", { filename: markup.escape(reply.filename) });
    case "hr":
      return t(`hr.${reply.hr.kind}`, { user: markup.escape(reply.hr.kind === "bad_user" ? reply.hr.detail : reply.hr.userId) });
    case "charity":
      return charityReplyText(reply.charity, locale, markup);
    case "my_data_sent":
      return t("personalData.sent", { files: reply.filenames.map((filename) => markup.escape(filename)).join(", ") });
    case "forget_explained":
      return [t("personalData.forgetExplained"), reply.answersOnTheirWay ? t("personalData.answersOnTheirWay", { count: reply.answersOnTheirWay }) : null]
        .filter(Boolean)
        .join("\n");
    case "forgotten":
      return t(reply.self ? "personalData.forgottenSelf" : "personalData.forgotten", { pseudonym: reply.pseudonym });
    case "error":
      return t(`errors.${reply.problem}`, { detail: markup.escape(reply.detail ?? "") });
  }
}
