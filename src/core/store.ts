// The core's store: every feature's repository, and transactions as units of work. Here, above the features,
// because it names each of them; the database adapter implements it.
import type { EmployeeRepo } from "./accounts/employeeRepo";
import type { AiRepo } from "./ai/aiRepo";
import type { AnswerRepo } from "./answers/answerRepo";
import type { ReplyDraftRepo } from "./answers/replyDraftRepo";
import type { CardRepo } from "./cards/cardRepo";
import type { CharityRepo } from "./charity/charityRepo";
import type { ConsoleSessionRepo } from "./consoleSessions/consoleSessionRepo";
import type { FollowRepo } from "./expertise/followRepo";
import type { DirectoryRepo } from "./hr/directoryRepo";
import type { HrRepo } from "./hr/hrRepo";
import type { ReportRepo } from "./hr/reportRepo";
import type { IdeaRepo } from "./ideas/ideaRepo";
import type { OperationsRepo } from "./operations/operationsRepo";
import type { PersonalDataRepo } from "./personalData/personalDataRepo";
import type { RetentionRepo } from "./personalData/retentionRepo";
import type { LedgerRepo } from "./points/ledgerRepo";
import type { PointRuleRepo } from "./points/pointRuleRepo";
import type { ActionAuditRepo } from "./policy/actionAuditRepo";
import type { AuditLogRepo } from "./policy/auditLogRepo";
import type { AddressRepo, FileOfferRepo, OutboxJob, OutboxRepo } from "./ports/repositories";
import type { ProblemRepo } from "./problems/problemRepo";
import type { CursorRepo } from "./questions/cursorRepo";
import type { InboundRepo } from "./questions/inboundRepo";
import type { QuestionRepo } from "./questions/questionRepo";
import type { ChannelRepo } from "./routing/channelRepo";
import type { RuleRepo } from "./routing/ruleRepo";
import type { StoryRepo } from "./stories/storyRepo";
import type { StoryScheduleRepo } from "./stories/storyScheduleRepo";
import type { WallLinkRepo } from "./wall/wallLinkRepo";

export interface Repos<Job extends OutboxJob = OutboxJob> {
  questions: QuestionRepo;
  cards: CardRepo;
  employees: EmployeeRepo;
  answers: AnswerRepo;
  replyDrafts: ReplyDraftRepo;
  ideas: IdeaRepo;
  ledger: LedgerRepo;
  pointRules: PointRuleRepo;
  charities: CharityRepo;
  hr: HrRepo;
  reports: ReportRepo;
  directory: DirectoryRepo;
  rules: RuleRepo;
  stories: StoryRepo;
  storySchedules: StoryScheduleRepo;
  channels: ChannelRepo;
  outbox: OutboxRepo<Job>;
  inbound: InboundRepo;
  cursors: CursorRepo;
  addresses: AddressRepo;
  fileOffers: FileOfferRepo;
  ai: AiRepo;
  problems: ProblemRepo;
  follows: FollowRepo;
  personalData: PersonalDataRepo;
  retention: RetentionRepo;
  actionAudit: ActionAuditRepo;
  auditLog: AuditLogRepo;
  operations: OperationsRepo;
  wallLinks: WallLinkRepo;
  consoleSessions: ConsoleSessionRepo;
}

/** Repositories plus a unit of work: what one transaction writes lands together or not at all. */
export interface Store<Job extends OutboxJob = OutboxJob> extends Repos<Job> {
  transaction<T>(work: (tx: Repos<Job>) => Promise<T>): Promise<T>;
}
