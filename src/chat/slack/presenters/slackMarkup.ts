import { COMMAND_PREFIX } from "../../../i18n";
import type { Markup } from "../../shared/markup";
import { escapeMrkdwn, link } from "./mrkdwn";

/** Slack mrkdwn: Slack users and channels by id, so Slack shows their current names. */
export const slackMarkup: Markup = {
  cmd: COMMAND_PREFIX.slack,
  escape: escapeMrkdwn,
  bold: (text) => `*${text}*`,
  link,
  person: (row) => (row.surface === "slack" ? `<@${row.externalId}>` : escapeMrkdwn(row.displayName ?? row.externalId)),
  channel: (target, other) => (target.surface === "slack" ? `<#${target.channelId}>` : other(target.surface)),
};
