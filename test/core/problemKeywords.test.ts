// Which titles are about the same problem: normalised keywords, at least two shared, most of the smaller set.
import { problemKeywords, problemLabel, SAME_PROBLEM, sameProblemScore } from "../../src/core/problems/problemKeywords";

test("keywords: lower case, no stop words or short words, plural s dropped, each once", () => {
  expect(problemKeywords("Factuur dubbel afgeschreven na overstap naar jaarabonnement")).toEqual([
    "factuur",
    "dubbel",
    "afgeschreven",
    "overstap",
    "jaarabonnement",
  ]);
  expect(problemKeywords("Why are my invoices wrong after the switch? Invoices!")).toEqual(["invoice", "wrong", "switch"]);
});

test.each([
  ["Factuur dubbel afgeschreven na overstap", "Factuur na overstap klopt niet", true],
  ["Dubbel afgeschreven na overstap jaarabonnement", "Factuur dubbel afgeschreven na overstap", true],
  ["Factuur dubbel afgeschreven na overstap", "Hoe koppel ik de app aan mijn slimme meter?", false],
  ["Factuur dubbel afgeschreven", "Factuur van oktober ontbreekt", false],
])("%s ~ %s: %s", (a, b, same) => {
  expect(sameProblemScore(problemKeywords(a), problemKeywords(b)) >= SAME_PROBLEM).toBe(same);
});

test("the label keeps the words at least half the members use", () => {
  const group = ["factuur", "dubbel", "afgeschreven", "overstap"];
  const members = [group, ["dubbel", "afgeschreven", "overstap"], ["overstap", "factuur", "dubbel"], ["factuur", "overstap"]];
  expect(problemLabel(group, members)).toBe("factuur dubbel afgeschreven overstap");
  expect(problemLabel(group, [...members, ["factuur", "dubbel", "overstap"]])).toBe("factuur dubbel overstap");
});
