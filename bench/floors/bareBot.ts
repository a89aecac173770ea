// The floor for Teams invokes: a bare botbuilder bot, the botbuilder Advocate runs: a CloudAdapter checking each
// request's JWT with ConfigurationBotFrameworkAuthentication (the same app id, password and type, and the same
// stand-in OpenID metadata and signing keys as the app), answering every invoke at once with a 200.
import express from "express";
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { floorEnv, stopOnSigterm } from "./floorEnv";

const env = floorEnv(["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType", "BOT_FRAMEWORK_STAND_IN_URL", "PORT"]);
const standIn = env.BOT_FRAMEWORK_STAND_IN_URL.replace(/\/+$/, "");
// The endpoints src/chat/teams/auth.ts points botbuilder at when BOT_FRAMEWORK_STAND_IN_URL is set (botbuilder
// drops every default once one is set). Only the first three are used on the way in.
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: env.MicrosoftAppId,
    MicrosoftAppPassword: env.MicrosoftAppPassword,
    MicrosoftAppType: env.MicrosoftAppType,
    ToBotFromChannelOpenIdMetadataUrl: `${standIn}/v1/.well-known/openidconfiguration`,
    ToBotFromEmulatorOpenIdMetadataUrl: `${standIn}/v1/.well-known/openidconfiguration`,
    ToBotFromChannelTokenIssuer: "https://api.botframework.com",
    ToChannelFromBotLoginUrl: `${standIn}/botframework.com`,
    ToChannelFromBotOAuthScope: "https://api.botframework.com",
    OAuthUrl: standIn,
    CallerId: "urn:botframework:azure",
    ValidateAuthority: false,
  }),
);

const http = express();
http.get("/readyz", (_req, res) => void res.send("ok"));
// As Advocate, the body is parsed by express.json before botbuilder sees it.
http.post("/api/messages", express.json({ limit: "256kb" }), async (req, res) => {
  await adapter.process(req, res, async (context) => {
    if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: {} } });
  });
});
stopOnSigterm(http.listen(Number(env.PORT), "127.0.0.1"));
