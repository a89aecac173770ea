// The questions a test finds taken in: what the console's pages and the routing preview look back over.
import type { PrismaClient } from "../../src/generated/prisma/client";

/** The community the questions came from, and the base of their addresses. */
export interface IntakeCommunity {
  name: string;
  baseUrl: string;
}

const VOLTARO: IntakeCommunity = { name: "discourse", baseUrl: "https://community.voltaro.example" };

/**
 * 104 questions taken in, one a minute, the first `oldestMinutesAgo` minutes before `now`: every tenth is about
 * billing (tag billing, Dutch), the rest about reports.
 */
export async function seedIntake(prisma: PrismaClient, now: number, oldestMinutesAgo: number, community = VOLTARO): Promise<void> {
  for (let topicId = 1; topicId <= 104; topicId++) {
    const billing = topicId % 10 === 0;
    const at = new Date(now - (oldestMinutesAgo - topicId) * 60_000);
    await prisma.question.create({
      data: {
        community: community.name,
        topicId,
        title: billing ? `Factuur ${topicId} klopt niet` : `How do I export report ${topicId}?`,
        bodyText: billing ? "Mijn factuur is te hoog." : "Where is the export button?",
        tags: billing ? ["billing"] : ["reports"],
        categorySlug: "support",
        language: billing ? "nl" : "en",
        url: `${community.baseUrl}/t/${topicId}`,
        postedAt: at,
        createdAt: at,
        status: "open",
      },
    });
  }
}
