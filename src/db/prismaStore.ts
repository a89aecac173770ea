// The core's Store over Prisma: repositories, and transactions as units of work.
import type { PrismaClient } from "../generated/prisma/client";
import type { Db } from "./repositories/db";
import { questionRepo } from "./repositories/questions";
import { cardRepo } from "./repositories/cards";
import { employeeRepo } from "./repositories/employees";
import { answerRepo } from "./repositories/answers";
import { ideaRepo } from "./repositories/ideas";
import { replyDraftRepo } from "./repositories/replyDrafts";
import { ledgerRepo } from "./repositories/ledger";
import { pointRuleRepo } from "./repositories/pointRules";
import { charityRepo } from "./repositories/charities";
import { hrRepo } from "./repositories/hr";
import { directoryRepo } from "./repositories/directory";
import { reportRepo } from "./repositories/reports";
import { ruleRepo } from "./repositories/rules";
import { storyRepo } from "./repositories/stories";
import { storyScheduleRepo } from "./repositories/storySchedules";
import { channelRepo } from "./repositories/channels";
import { outboxRepo, type OutboxNudge } from "./repositories/outbox";
import { inboundRepo } from "./repositories/inbound";
import { cursorRepo } from "./repositories/cursors";
import { addressRepo } from "./repositories/addresses";
import { fileOfferRepo } from "./repositories/fileOffers";
import { aiRepo } from "./repositories/ai";
import { problemRepo } from "./repositories/problems";
import { followRepo } from "./repositories/follows";
import { personalDataRepo } from "./repositories/personalData";
import { retentionRepo } from "./repositories/retention";
import { actionAuditRepo } from "./repositories/actionAudit";
import { auditLogRepo } from "./repositories/auditLog";
import { operationsRepo } from "./repositories/operations";
import { wallLinkRepo } from "./repositories/wallLinks";
import { consoleSessionRepo } from "./repositories/consoleSessions";
import type { Repos, Store } from "../core/store";

function repos(db: Db, nudge: OutboxNudge): Repos {
  return {
    questions: questionRepo(db),
    cards: cardRepo(db),
    employees: employeeRepo(db),
    answers: answerRepo(db),
    replyDrafts: replyDraftRepo(db),
    ideas: ideaRepo(db),
    ledger: ledgerRepo(db),
    pointRules: pointRuleRepo(db),
    charities: charityRepo(db),
    hr: hrRepo(db),
    reports: reportRepo(db),
    directory: directoryRepo(db),
    rules: ruleRepo(db),
    stories: storyRepo(db),
    storySchedules: storyScheduleRepo(db),
    channels: channelRepo(db),
    outbox: outboxRepo(db, nudge),
    inbound: inboundRepo(db),
    cursors: cursorRepo(db),
    addresses: addressRepo(db),
    fileOffers: fileOfferRepo(db),
    ai: aiRepo(db),
    problems: problemRepo(db),
    follows: followRepo(db),
    personalData: personalDataRepo(db),
    retention: retentionRepo(db),
    actionAudit: actionAuditRepo(db),
    auditLog: auditLogRepo(db),
    operations: operationsRepo(db, nudge),
    wallLinks: wallLinkRepo(db),
    consoleSessions: consoleSessionRepo(db),
  };
}

export function prismaStore(prisma: PrismaClient, nudge: OutboxNudge = () => undefined): Store {
  return {
    ...repos(prisma, nudge),
    async transaction(work) {
      let enqueued = false;
      const result = await prisma.$transaction((tx) => work(repos(tx, () => (enqueued = true))));
      // Wake the worker only once the work is committed and visible.
      if (enqueued) nudge();
      return result;
    },
  };
}
