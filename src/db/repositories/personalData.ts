import type { Db } from "./db";
import type { PersonalDataRepo } from "../../core/personalData";

export function personalDataRepo(db: Db): PersonalDataRepo {
  return {
    async of(employeeId) {
      const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId } });
      // Every chat account of the person (Slack, Teams), with the email each one's profile showed.
      const identities = await db.chatIdentity.findMany({ where: { employeeId }, select: { surface: true, externalId: true, email: true } });
      const chatIds = { in: [employee.externalId, ...identities.map((identity) => identity.externalId)] };
      const [ledger, answers, ideaUpdates, claims, follows, charityPicks, hrGrants, reportAudit, privacyAudit, directory] = await Promise.all([
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
        db.privacyAudit.findMany({
          where: { OR: [{ aboutEmployeeId: employeeId }, { byEmployeeId: employeeId }] },
          select: { action: true, at: true },
          orderBy: { at: "asc" },
        }),
        employee.email ? db.directory.findUnique({ where: { email: employee.email } }) : null,
      ]);
      return { employee, identities, ledger, answers, ideaUpdates, claims, follows, charityPicks, hrGrants, reportAudit, privacyAudit, directory };
    },
    async forget(employeeId, pseudonym, at) {
      const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId } });
      // Every chat account of the person goes: the same account coming back is someone new.
      const identities = await db.chatIdentity.findMany({ where: { employeeId } });
      const accounts = [{ surface: employee.surface, externalId: employee.externalId }, ...identities];
      await db.follow.deleteMany({ where: { employeeId } });
      await db.replyDraft.deleteMany({ where: { employeeId } });
      for (const { surface, externalId } of accounts) {
        await db.hrGrant.deleteMany({ where: { userId: externalId } });
        await db.fileOffer.deleteMany({ where: { surface, userId: externalId } });
        await db.chatAddress.deleteMany({ where: { surface, kind: "user", externalId } });
      }
      await db.chatIdentity.deleteMany({ where: { employeeId } });
      await db.question.updateMany({ where: { claimedById: employeeId }, data: { claimedById: null, claimExpiresAt: null } });
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
