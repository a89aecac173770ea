// Slack's mentions in a slash command's text become the core's neutral tokens; everything else is left alone.
import { neutralCommandText } from "../../../src/chat/slack/commandText";

test.each([
  ["route add <#C06KLNTVRG4|support-nl> tag:facturatie", "route add #channel:C06KLNTVRG4 tag:facturatie"],
  ["route fallback <#C0FALLBACK>", "route fallback #channel:C0FALLBACK"],
  ["route fallback <#C0FALLBACK|>", "route fallback #channel:C0FALLBACK"],
  ["route tag:billing promise:4h escalate:<#C0LEADS|leads>", "route tag:billing promise:4h escalate:#channel:C0LEADS"],
  ["route tag:billing promise:1h escalate:<@U0DANA|dana>", "route tag:billing promise:1h escalate:@person:U0DANA"],
  ["hr grant <@U012AB3CD>", "hr grant @person:U012AB3CD"],
  ["route add #billing tag:x", "route add #billing tag:x"],
  ["leaderboard month", "leaderboard month"],
])("%s → %s", (text, neutral) => {
  expect(neutralCommandText(text)).toBe(neutral);
});
