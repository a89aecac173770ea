// Slack payloads built from the real fixtures, pointed at our card and user.
import { fixture, fixtureText } from "./fixtures";

export const CHANNEL = "C06KLNTVRG4";
export const PRIYA = "U05SDV2R7KQ";

export function slashCommand(text: string, user = PRIYA, channel = CHANNEL): Record<string, string> {
  const fields = Object.fromEntries(new URLSearchParams(fixtureText("slack/slash_command.txt").trim()));
  return { ...fields, text, user_id: user, channel_id: channel };
}

export function buttonClick(actionId: string, messageTs: string, options: { user?: string; value?: string; channel?: string } = {}) {
  const payload = fixture<Record<string, any>>("slack/block_actions.json");
  const channel = options.channel ?? CHANNEL;
  payload.user = { ...payload.user, id: options.user ?? PRIYA };
  payload.channel = { ...payload.channel, id: channel };
  payload.container = { ...payload.container, channel_id: channel, message_ts: messageTs };
  payload.actions = [{ ...payload.actions[0], action_id: actionId, value: options.value ?? JSON.stringify({ topicId: 4821 }), block_id: "q_4821_actions" }];
  return payload;
}

export function answerSubmission(text: string, messageTs: string, options: { consent?: boolean; viewId?: string; user?: string; topicId?: number } = {}) {
  const payload = fixture<Record<string, any>>("slack/view_submission.json");
  payload.user = { ...payload.user, id: options.user ?? PRIYA };
  payload.view.id = options.viewId ?? payload.view.id;
  payload.view.private_metadata = JSON.stringify({ topicId: options.topicId ?? 4821, channelId: CHANNEL, messageTs });
  payload.view.state.values.answer.answer_text.value = text;
  if (options.consent === false) payload.view.state.values.consent.publish_as_me.selected_options = [];
  return payload;
}
