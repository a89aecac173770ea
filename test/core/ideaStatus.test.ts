// An idea status's tag and form rules.
import { withStatusTag } from "../../src/core/kernel/ideaStatus";
import { checkIdeaForm } from "../../src/core/ideas/setIdeaStatus";

test("the status tag replaces any other status's tag and keeps the topic's own tags", () => {
  expect(withStatusTag(["app", "under-review", "reviewed"], "coming_soon")).toEqual(["app", "coming-soon"]);
  expect(withStatusTag([], "launched")).toEqual(["launched"]);
  expect(withStatusTag(["launched"], "launched")).toEqual(["launched"]);
});

test("a reply is needed, a reason only for not planned, and consent always", () => {
  const form = { status: "reviewed" as const, body: "Bedankt!", reason: "", consent: true };
  expect(checkIdeaForm(form)).toBeNull();
  expect(checkIdeaForm({ ...form, body: " \n " })).toBe("empty");
  expect(checkIdeaForm({ ...form, body: "x".repeat(32001) })).toBe("too_long");
  expect(checkIdeaForm({ ...form, status: "not_planned" })).toBe("no_reason");
  expect(checkIdeaForm({ ...form, status: "not_planned", reason: "Past niet in het product." })).toBeNull();
  expect(checkIdeaForm({ ...form, consent: false })).toBe("no_consent");
});
