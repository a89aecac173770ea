// The evaluation set is what issue #6 asks for, the rules router's accuracy holds, and the AI router's path runs
// on replayed model answers (nock): `npm run eval` measures the real model only when a key is set.
import nock from "nock";
import { OpenAiModel } from "../../src/ai/openai/openAiModel";
import { aiEnv } from "../../src/ai/openai/config";
import { accuracy, aiRouter, EVAL_RULES, EVAL_TOPICS, rulesRouter } from "./evaluate";
import { aiEnv as testAiEnv, classificationText, modelAnswers } from "../support/openAi";

afterEach(() => nock.cleanAll());

test("60 realistic topics: half Dutch, half English, all four kinds, every route", () => {
  expect(EVAL_TOPICS).toHaveLength(60);
  expect(EVAL_TOPICS.filter((topic) => topic.language === "nl")).toHaveLength(30);
  for (const kind of ["question", "complaint", "idea", "praise"]) expect(EVAL_TOPICS.filter((topic) => topic.kind === kind)).toHaveLength(15);
  for (const route of EVAL_RULES.map((rule) => rule.name)) expect(EVAL_TOPICS.filter((topic) => topic.route === route).length).toBeGreaterThanOrEqual(10);
  expect(new Set(EVAL_TOPICS.map((topic) => topic.id)).size).toBe(60);
});

test("the rules router keeps its accuracy on the set (a floor against regressions in the word lists)", () => {
  const result = accuracy(EVAL_TOPICS.map(rulesRouter));
  expect(result.kind).toBeGreaterThanOrEqual(0.8);
  expect(result.route).toBeGreaterThanOrEqual(0.85);
});

test("the AI router takes the model's sure answer, and falls back to rules when it is unsure or unusable", async () => {
  const model = new OpenAiModel(aiEnv.parse(testAiEnv));
  const topic = EVAL_TOPICS.find((candidate) => candidate.id === 19)!; // rules miss it: "opzegging" is not "opzeggen"
  expect(rulesRouter(topic).route).toBe("fallback");

  modelAnswers(classificationText({ kind: "complaint", topics: ["contract"], target: "rule:4", confidence: 0.9 }));
  expect(await aiRouter(model, topic, 0.6)).toMatchObject({ kind: "complaint", route: "contract", fellBack: false, tokens: 699 });

  modelAnswers(classificationText({ kind: "complaint", topics: ["contract"], target: "rule:4", confidence: 0.3 }));
  expect(await aiRouter(model, topic, 0.6)).toMatchObject({ kind: "complaint", route: "fallback", fellBack: true });

  modelAnswers("not json");
  expect(await aiRouter(model, topic, 0.6)).toMatchObject({ route: "fallback", fellBack: true });
});
