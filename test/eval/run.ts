// `npm run eval`: accuracy of the rules router on the 60 labelled community topics, and of the AI router when
// OPENAI_API_KEY is set (OPENAI_BASE_URL, OPENAI_MODEL and AI_CONFIDENCE_THRESHOLD as in production).
import { aiEnv } from "../../src/ai/openai/config";
import { OpenAiModel } from "../../src/ai/openai/openAiModel";
import { accuracy, aiRouter, EVAL_TOPICS, rulesRouter, type Accuracy, type Verdict } from "./evaluate";

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const row = (router: string, result: Accuracy, extra: Record<string, string | number> = {}) => ({
  router,
  "kind right": percent(result.kind),
  "route right": percent(result.route),
  "both right, nl": percent(result.nl),
  "both right, en": percent(result.en),
  ...extra,
});

async function main(): Promise<void> {
  const rules = EVAL_TOPICS.map(rulesRouter);
  const rows = [row("rules (word lists + keyword rules)", accuracy(rules))];
  const misses = (verdicts: Verdict[]) =>
    verdicts
      .filter((verdict) => verdict.route !== verdict.topic.route || verdict.kind !== verdict.topic.kind)
      .map((verdict) => `#${verdict.topic.id} ${verdict.kind}/${verdict.route} (expected ${verdict.topic.kind}/${verdict.topic.route})`);
  const config = aiEnv.safeParse(process.env);
  if (process.env.OPENAI_API_KEY && config.success) {
    const model = new OpenAiModel(config.data);
    const verdicts = [];
    for (const topic of EVAL_TOPICS) verdicts.push(await aiRouter(model, topic, config.data.AI_CONFIDENCE_THRESHOLD));
    const tokens = verdicts.reduce((sum, verdict) => sum + verdict.tokens, 0);
    rows.push(
      row(`AI (${config.data.OPENAI_MODEL}), rules when unsure`, accuracy(verdicts), {
        "fell back to rules": verdicts.filter((verdict) => verdict.fellBack).length,
        tokens,
      }),
    );
    console.log(`AI misses:\n  ${misses(verdicts).join("\n  ") || "none"}`);
  } else {
    console.log("AI router: not measured (set OPENAI_API_KEY, and OPENAI_BASE_URL / OPENAI_MODEL for Azure OpenAI or a compatible server).");
  }
  console.log(`Rules misses:\n  ${misses(rules).join("\n  ")}`);
  console.log(`\n${EVAL_TOPICS.length} labelled topics (test/eval/topics.json)`);
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
