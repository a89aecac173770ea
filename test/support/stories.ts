// Answered community questions, the raw material of customer stories, stored the way the core leaves them.
import type { TestApp } from "./testApp";

export interface AnsweredFacts {
  title?: string;
  body?: string;
  kind?: string;
  tags?: string[];
  /** A colleague who answered through Advocate; without one, someone answered on the community. */
  colleague?: string;
  helper?: string;
}

export async function answeredQuestion(app: TestApp, topicId: number, facts: AnsweredFacts = {}): Promise<string> {
  const url = `https://community.voltaro.example/t/topic/${topicId}`;
  const question = await app.deps.store.questions.upsert("discourse", topicId, {
    url,
    title: facts.title ?? `Question ${topicId}`,
    bodyText: facts.body ?? `The words of customer ${topicId}.`,
    authorUsername: "marieke",
    authorName: "Marieke",
    categorySlug: "support",
    tags: facts.tags ?? [],
    hasTopicFacts: true,
    language: "en",
    kind: facts.kind ?? "question",
    postedAt: new Date(Date.now() - 2 * 86_400_000),
    status: facts.colleague ? "answered" : "answered_elsewhere",
    answeredBy: facts.colleague ?? facts.helper ?? "Joost",
    answeredUrl: `${url}/2`,
  });
  if (facts.colleague) {
    const employee = await app.deps.store.employees.ensure("slack", `U${topicId}`, facts.colleague);
    const answer = await app.deps.store.answers.create({
      questionId: question.id,
      employeeId: employee.id,
      cardId: null,
      submissionKey: `story-${topicId}`,
      body: "Answered.",
      postedAs: facts.colleague,
    });
    await app.deps.store.answers.update(answer.id, { status: "published", publishedAt: new Date() });
  }
  return question.id;
}
