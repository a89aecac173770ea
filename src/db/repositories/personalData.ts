import type { Db } from "./db";
import type { PersonalDataRepo } from "../../core/personalData";

export function personalDataRepo(db: Db): PersonalDataRepo {
  return {
    async of(employeeId) {
      const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId } });
      // Every chat account of the person (Slack, Teams), with the email each one's profile showed.
      const identities = await db.chatIdentity.findMany({ where: { employeeId }, select: { surface: true, externalId: true, email: true } });
      const chatIds = { in: [employee.externalId, ...identities.map((identity) => identity.externalId)] };
      const [ledger, answers, ideaUpdates, claims, follows, charityPicks, hrGrants, reportAudit, actionAudit, privacyAudit, directory] = await Promise.all([
        db.pointAward.findMany({ where: { employeeId }, select: { points: true, reason: true, sourceKey: true, occurredAt: true }, orderBy: { id: "asc" } }),
        db.answer.findMany({
          where: { employeeId },
          select: {
            questionId: true,
            body: true,
            status: true,
            postedAs: true,
            postUrl: true,
            error: true,
            createdAt: true,
            publishedAt: true,
            acceptedAt: true,
            deletedAt: true,
          },
          orderBy: { createdAt: "asc" },
        }),
        db.ideaUpdate.findMany({
          where: { employeeId },
          select: { questionId: true, status: true, body: true, reason: true, state: true, postedAs: true, postUrl: true, createdAt: true, publishedAt: true },
          orderBy: { createdAt: "asc" },
        }),
        db.question.findMany({ where: { claimedById: employeeId }, select: { id: true, title: true, url: true, claimExpiresAt: true } }),
        db.follow.findMany({ where: { employeeId }, select: { topic: true, createdAt: true }, orderBy: { topic: "asc" } }),
        db.charityPick.findMany({ where: { employeeId }, select: { charityId: true, pickedAt: true }, orderBy: { pickedAt: "asc" } }),
        db.hrGrant.findMany({ where: { userId: chatIds } }),
        db.reportAudit.findMany({
          where: { userId: chatIds },
          select: { what: true, period: true, department: true, allowed: true, at: true },
          orderBy: { at: "asc" },
        }),
        db.actionAudit.findMany({
          where: { userId: chatIds },
          select: { action: true, subject: true, detail: true, allowed: true, at: true },
          orderBy: { at: "asc" },
        }),
        db.privacyAudit.findMany({
          where: { OR: [{ aboutEmployeeId: employeeId }, { byEmployeeId: employeeId }] },
          select: { action: true, at: true },
          orderBy: { at: "asc" },
        }),
        employee.email ? db.directory.findUnique({ where: { email: employee.email } }) : null,
      ]);
      return { employee, identities, ledger, answers, ideaUpdates, claims, follows, charityPicks, hrGrants, reportAudit, actionAudit, privacyAudit, directory };
    },
    async forget(employeeId, pseudonym, at) {
      const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId } });
      // Every chat account of the person goes: the same account coming back is someone new.
      const identities = await db.chatIdentity.findMany({ where: { employeeId } });
      const accounts = [{ surface: employee.surface, externalId: employee.externalId }, ...identities];
      await db.follow.deleteMany({ where: { employeeId } });
      // Signed in to the console as them no longer: their sessions end.
      await db.consoleSession.deleteMany({ where: { employeeId } });
      await db.replyDraft.deleteMany({ where: { employeeId } });
      for (const { surface, externalId } of accounts) {
        await db.hrGrant.deleteMany({ where: { userId: externalId } });
        await db.fileOffer.deleteMany({ where: { surface, userId: externalId } });
        await db.chatAddress.deleteMany({ where: { surface, kind: "user", externalId } });
      }
      await db.chatIdentity.deleteMany({ where: { employeeId } });
      await db.question.updateMany({ where: { claimedById: employeeId }, data: { claimedById: null, claimExpiresAt: null } });
      await quotedElsewhere(
        db,
        employee,
        accounts.map((account) => account.externalId),
        pseudonym,
      );
      await db.employee.update({
        where: { id: employeeId },
        data: {
          externalId: pseudonym,
          displayName: pseudonym,
          email: null,
          locale: null,
          communityUsername: null,
          communityUserId: null,
          linkedAt: null,
          offeredUsername: null,
          offeredUserId: null,
          // Nobody chose anything for the pseudonym: leaderboards show it as "a colleague", never as a mention.
          hiddenOnLeaderboards: true,
          forgottenAt: at,
        },
      });
    },
    async audit(entry) {
      await db.privacyAudit.create({ data: entry });
    },
  };
}

/**
 * Other rows quote the person: their chat id as who did something (audits, rules, schedules, payouts), their name
 * as who answered or set an idea's status, their community username on what they posted. Each becomes the
 * pseudonym, so the rows still tell that one person did it; only an answer still on its way keeps its username,
 * which publishing it needs.
 */
async function quotedElsewhere(
  db: Db,
  employee: { id: string; displayName: string | null; communityUsername: string | null },
  chatIds: string[],
  pseudonym: string,
) {
  const ids = { in: chatIds };
  await Promise.all([
    db.card.updateMany({ where: { routedBy: ids }, data: { routedBy: pseudonym } }),
    db.card.updateMany({ where: { passedOnBy: ids }, data: { passedOnBy: pseudonym } }),
    db.pointRule.updateMany({ where: { updatedBy: ids }, data: { updatedBy: pseudonym } }),
    db.routingRule.updateMany({ where: { createdBy: ids }, data: { createdBy: pseudonym } }),
    db.storySchedule.updateMany({ where: { createdBy: ids }, data: { createdBy: pseudonym } }),
    db.charity.updateMany({ where: { createdBy: ids }, data: { createdBy: pseudonym } }),
    db.charityTerms.updateMany({ where: { setBy: ids }, data: { setBy: pseudonym } }),
    db.charityPayout.updateMany({ where: { paidBy: ids }, data: { paidBy: pseudonym } }),
    db.hrGrant.updateMany({ where: { grantedBy: ids }, data: { grantedBy: pseudonym } }),
    db.reportAudit.updateMany({ where: { userId: ids }, data: { userId: pseudonym } }),
    db.answerChangeAudit.updateMany({ where: { userId: ids }, data: { userId: pseudonym } }),
    db.actionAudit.updateMany({ where: { userId: ids }, data: { userId: pseudonym } }),
    db.wallLink.updateMany({ where: { createdBy: ids }, data: { createdBy: pseudonym } }),
    db.wallLink.updateMany({ where: { revokedBy: ids }, data: { revokedBy: pseudonym } }),
    db.communitySetting.updateMany({ where: { updatedBy: ids }, data: { updatedBy: pseudonym } }),
    db.employeeMerge.updateMany({ where: { OR: [{ survivorId: employee.id }, { mergedId: employee.id }] }, data: { email: null } }),
    db.answer.updateMany({ where: { employeeId: employee.id, status: { notIn: ["queued", "publishing"] } }, data: { postedAs: pseudonym } }),
    db.ideaUpdate.updateMany({ where: { employeeId: employee.id, state: { notIn: ["queued", "publishing"] } }, data: { postedAs: pseudonym } }),
  ]);
  const names = [employee.displayName, employee.communityUsername].filter((name): name is string => Boolean(name));
  if (!names.length) return;
  const answered = { answers: { some: { employeeId: employee.id } } };
  await db.question.updateMany({ where: { ...answered, answeredBy: { in: names } }, data: { answeredBy: pseudonym } });
  await db.question.updateMany({
    where: { ideaUpdates: { some: { employeeId: employee.id } }, ideaStatusBy: { in: names } },
    data: { ideaStatusBy: pseudonym },
  });
  for (const name of names) {
    // Suggested experts are display names taken from answers; the person's own leave the suggestions.
    await db.$executeRaw`UPDATE "Question" SET experts = array_remove(experts, ${name}) WHERE ${name} = ANY(experts)`;
  }
}
