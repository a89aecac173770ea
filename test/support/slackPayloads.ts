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

/** A block action on the App Home, as Slack sends it: the view and its state, no channel, no response_url. */
export function homeAction(actionId: string, user: string, state: { period?: string; from?: string; to?: string; department?: string }) {
  const payload = fixture<Record<string, any>>("slack/block_actions.json");
  for (const key of ["channel", "message", "response_url"]) delete payload[key];
  const selected = (value?: string) => ({ type: "static_select", selected_option: value ? { value, text: { type: "plain_text", text: value } } : null });
  const date = (value?: string) => ({ type: "datepicker", selected_date: value ?? null });
  const values = {
    hr_choice: {
      advocate_hr_period: selected(state.period),
      advocate_hr_from: date(state.from),
      advocate_hr_to: date(state.to),
      advocate_hr_department: selected(state.department),
    },
  };
  payload.user = { ...payload.user, id: user };
  payload.container = { type: "view", view_id: "V07HOME1A2B" };
  payload.view = {
    id: "V07HOME1A2B",
    team_id: "T04VLT8RQ2M",
    type: "home",
    blocks: [],
    private_metadata: "",
    callback_id: "",
    state: { values },
    hash: "1763640000.Hq2Zt8Kw",
    app_id: "A07ADVC8Q1Z",
    bot_id: "B07ADVC8Q1Z",
  };
  payload.actions = [
    { action_id: actionId, block_id: "hr_go", type: "button", text: { type: "plain_text", text: "Show report", emoji: true }, action_ts: "1763640100.000100" },
  ];
  return payload;
}

/** The edit or withdraw modal of a published answer submitted; `values` is what its inputs hold (none for a withdrawal). */
export function answerChangeSubmission(
  callbackId: "advocate_edit_answer_modal" | "advocate_withdraw_answer_modal",
  answerId: string,
  options: { text?: string; reason?: string; viewId?: string; user?: string } = {},
) {
  const payload = fixture<Record<string, any>>("slack/view_submission.json");
  payload.user = { ...payload.user, id: options.user ?? PRIYA };
  payload.view.id = options.viewId ?? payload.view.id;
  payload.view.callback_id = callbackId;
  payload.view.private_metadata = JSON.stringify({ answerId, locale: "en" });
  payload.view.state.values =
    callbackId === "advocate_edit_answer_modal"
      ? {
          answer: { answer_text: { type: "plain_text_input", value: options.text ?? "" } },
          reason: { reason_text: { type: "plain_text_input", value: options.reason ?? null } },
        }
      : {};
  return payload;
}
