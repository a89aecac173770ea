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

/** A choice in a card's select menu (block_actions with a static_select), like buttonClick otherwise. */
export function selectChoice(actionId: string, messageTs: string, value: string, options: { user?: string } = {}) {
  const payload = buttonClick(actionId, messageTs, options);
  const action = { ...payload.actions[0], type: "static_select", selected_option: { text: { type: "plain_text", text: value, emoji: true }, value } };
  delete action.value;
  payload.actions = [action];
  return payload;
}

/** The idea status modal submitted: its reply, a reason (only a "not planned" form has that field), consent. */
export function ideaSubmission(
  status: string,
  reply: string,
  messageTs: string,
  options: { reason?: string; consent?: boolean; viewId?: string; user?: string } = {},
) {
  const payload = fixture<Record<string, any>>("slack/view_submission.json");
  payload.user = { ...payload.user, id: options.user ?? PRIYA };
  payload.view.id = options.viewId ?? payload.view.id;
  payload.view.callback_id = "advocate_idea_modal";
  payload.view.private_metadata = JSON.stringify({ topicId: 4821, channelId: CHANNEL, messageTs, status });
  const consent = payload.view.state.values.consent;
  if (options.consent === false) consent.publish_as_me.selected_options = [];
  payload.view.state.values = {
    reply: { reply_text: { type: "plain_text_input", value: reply } },
    ...(options.reason !== undefined ? { reason: { reason_text: { type: "plain_text_input", value: options.reason } } } : {}),
    consent,
  };
  return payload;
}
