// The floor for Slack acks: a bare Bolt app, the @slack/bolt Advocate runs, on an ExpressReceiver with the same
// signing secret, that acks the slash command, the Claim button and the answer form at once and does nothing
// else. What Advocate takes beyond this is Advocate's own.
import { App, ExpressReceiver } from "@slack/bolt";
import { COMMAND_PREFIX } from "../../src/i18n";
import { CARD_ACTIONS } from "../../src/chat/slack/presenters/questionCard";
import { ANSWER_MODAL } from "../../src/chat/slack/presenters/modals";
import { floorEnv, stopOnSigterm } from "./floorEnv";

const env = floorEnv(["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "SLACK_API_URL", "PORT"]);
const receiver = new ExpressReceiver({ signingSecret: env.SLACK_SIGNING_SECRET, endpoints: "/slack/events", processBeforeResponse: false });
receiver.router.get("/readyz", (_req, res) => void res.send("ok"));
const app = new App({
  receiver,
  // As Advocate: the bot token is the authorisation, no auth.test at start.
  authorize: async () => ({ botToken: env.SLACK_BOT_TOKEN }),
  clientOptions: { slackApiUrl: env.SLACK_API_URL },
});
app.command(COMMAND_PREFIX.slack, async ({ ack }) => ack());
app.action(CARD_ACTIONS.claim, async ({ ack }) => ack());
app.view(ANSWER_MODAL, async ({ ack }) => ack());

void receiver.start(Number(env.PORT)).then((server) => stopOnSigterm(server));
