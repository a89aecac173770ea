// The model's answer is checked like any other input: valid, not JSON, partial, off the admin's lists. And nothing
// personal goes to it.
import { parseClassification, requestSchema } from "../../src/core/ai/aiClassification";
import { EMAIL_MARK, PHONE_MARK, redact } from "../../src/core/ai/redact";
import { classificationText } from "../support/openAi";

const allowed = { topics: ["billing", "delivery", "app", "contract"], targets: ["rule:1", "rule:2"], locales: ["en", "nl"] };

test("a valid answer is taken as it is", () => {
  const parsed = parseClassification(classificationText(), allowed);
  expect(parsed).toEqual({ ok: true, classification: expect.objectContaining({ kind: "complaint", topics: ["billing"], target: "rule:2", confidence: 0.86 }) });
});

test("no routing target and no topics are valid answers too", () => {
  expect(parseClassification(classificationText({ target: null, topics: [] }), allowed).ok).toBe(true);
});

test.each([
  ["text that is not JSON", "Sure! Here is the classification: complaint", "not_json"],
  [
    "a partial answer (no summaries, no confidence)",
    JSON.stringify({ kind: "question", topics: [], language: "en", urgency: "low", sentiment: "neutral", target: null }),
    "invalid",
  ],
  ["a summary missing for one language", classificationText({ summaries: { en: "Charged twice." } }), "invalid"],
  ["a kind outside the five", classificationText({ kind: "rant" }), "invalid"],
  ["a confidence above 1", classificationText({ confidence: 1.7 }), "invalid"],
  ["an extra field", classificationText({ reasoning: "because" }), "invalid"],
  ["a topic off the admin's list", classificationText({ topics: ["billing", "weather"] }), "off_list"],
  ["a target that is not one of the rules offered", classificationText({ target: "rule:99" }), "off_list"],
])("%s is refused", (_name, text, problem) => {
  const parsed = parseClassification(text, allowed);
  expect(parsed).toEqual({ ok: false, problem, detail: expect.any(String) });
});

test("the request's schema holds the admin's lists as enums, every field required, nothing else allowed", () => {
  const schema = requestSchema(allowed) as { properties: Record<string, any>; required: string[]; additionalProperties: boolean };
  expect(schema.properties.topics.items.enum).toEqual(allowed.topics);
  expect(JSON.stringify(schema.properties.target)).toContain('"enum":["rule:1","rule:2"]');
  expect(schema.required.sort()).toEqual(["confidence", "kind", "language", "sentiment", "summaries", "target", "topics", "urgency"]);
  expect(schema.additionalProperties).toBe(false);
  expect(JSON.stringify(schema)).not.toMatch(/"(pattern|minLength|maxLength|minimum|maximum|\$schema)"/);
});

test.each([
  ["Mail me at marieke.vdberg@example.nl please", `Mail me at ${EMAIL_MARK} please`],
  ["Bel 06-12345678 of +31 (0)20 123 4567", `Bel ${PHONE_MARK} of ${PHONE_MARK}`],
  ["tel. 0031 6 1234 5678.", `tel. ${PHONE_MARK}.`],
  ["Op 2026-11-23 is €12,50 twee keer afgeschreven (order 4821)", "Op 2026-11-23 is €12,50 twee keer afgeschreven (order 4821)"],
])("redaction: %s", (input, expected) => {
  expect(redact(input)).toBe(expected);
});
