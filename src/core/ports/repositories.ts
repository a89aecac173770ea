// Where the core keeps what it knows: one repository per kind of record, and transactions as units of work.
import type {
  Answer,
  Card,
  ChatTarget,
  Employee,
  IdeaUpdate,
  LeaderboardRow,
  ReplyDraft,
  ProblemGroup,
  Question,
  RoutingRule,
  Story,
  StorySchedule,
  TimeRange,
} from "../kernel/model";
import type { Charity, CharityPayout, CharityTerms, EmployeeQuarterPoints } from "../kernel/charity";
import type { AdvocateTotals, PromiseTally, ReportWeek, WeeklyRow } from "./views/reportView";
import type { StoryCandidate } from "../kernel/story";

export interface QuestionRepo {
  byId(id: string): Promise<Question | null>;
  byTopic(community: string, topicId: number): Promise<Question | null>;
  /** Creates the question or merges the facts we now know; returns it. */
  upsert(community: string, topicId: number, facts: Partial<Question> & { url: string; postedAt: Date }): Promise<Question>;
  update(id: string, patch: Partial<Question>): Promise<Question>;
  /** Atomically claims when free, expired or already ours; false when someone else holds it. */
  tryClaim(id: string, employeeId: string, until: Date, now: Date): Promise<boolean>;
  release(id: string, employeeId: string): Promise<boolean>;
  /** Clears claims that ran out; returns the questions concerned. */
  expireClaims(now: Date): Promise<string[]>;
  openClaimsOf(employeeId: string, now: Date): Promise<Question[]>;
  /** Open, unanswered questions under a promise whose last stage is not yet reached. */
  openPromises(): Promise<Question[]>;
}

export interface CardRepo {
  byId(id: string): Promise<Card | null>;
  forQuestion(questionId: string): Promise<Card[]>;
  find(questionId: string, surface: string, channelId: string): Promise<Card | null>;
  /** The card whose chat message is `messageRef` (a thread's root), in that channel. */
  byMessage(surface: string, channelId: string, messageRef: string): Promise<Card | null>;
  create(card: Omit<Card, "id" | "messageRef" | "postStartedAt" | "passedOnBy" | "passedOnNote" | "movedToSurface" | "movedToChannelId">): Promise<Card>;
  update(id: string, patch: Partial<Card>): Promise<Card>;
}

export interface ReplyDraftRepo {
  byId(id: string): Promise<ReplyDraft | null>;
  /** The draft of one chat reply to a card. */
  byReply(cardId: string, replyRef: string): Promise<ReplyDraft | null>;
  /** The draft of this reply, created once: a redelivered reply gets the draft already there. */
  create(draft: Pick<ReplyDraft, "cardId" | "employeeId" | "replyRef" | "body">): Promise<ReplyDraft>;
  update(id: string, patch: Partial<Pick<ReplyDraft, "body" | "state">>): Promise<ReplyDraft>;
  /** The employee's drafts still waiting for their click, oldest first. */
  offeredTo(employeeId: string): Promise<ReplyDraft[]>;
}

/** One chat account of a person: the email is what its chat profile said when last read. */
export interface ChatIdentity {
  surface: string;
  externalId: string;
  employeeId: string;
  email: string | null;
}

/** Two persons merged both had one of these: the most recent was kept. */
export type MergeConflict = { kind: "community_link" | "charity"; kept: string; dropped: string };

export interface EmployeeRepo {
  byId(id: string): Promise<Employee | null>;
  ensure(surface: string, externalId: string, displayName?: string | null): Promise<Employee>;
  update(id: string, patch: Partial<Employee>): Promise<Employee>;
  byCommunityUsername(username: string): Promise<Employee | null>;
  /** Employees known under these chat ids, on any surface (admins named in the settings). */
  byExternalIds(externalIds: string[]): Promise<Employee[]>;
  /** The person's chat identities, oldest first. */
  identities(employeeId: string): Promise<ChatIdentity[]>;
  /** Records the verified work email an identity's chat profile gave (lower case), replacing what it said before. */
  recordIdentityEmail(surface: string, externalId: string, email: string, at: Date): Promise<void>;
  /** The persons with an identity whose latest verified email is `email`, oldest first (then by id). */
  byIdentityEmail(email: string): Promise<Employee[]>;
  /** Moves everything of `mergedId` to `survivorId` and deletes it, with an audit row; the conflicts it settled. */
  merge(survivorId: string, mergedId: string, email: string): Promise<MergeConflict[]>;
}

export interface AnswerRepo {
  byId(id: string): Promise<Answer | null>;
  bySubmissionKey(key: string): Promise<Answer | null>;
  create(
    answer: Pick<Answer, "questionId" | "employeeId" | "cardId" | "submissionKey" | "body" | "postedAs"> & Partial<Pick<Answer, "aiAssisted">>,
  ): Promise<Answer>;
  update(id: string, patch: Partial<Answer>): Promise<Answer>;
  byCommunityPost(postId: number): Promise<Answer | null>;
  /** Answers the community accepted as the solution since the date, with their author and question title. */
  acceptedSince(since: Date): Promise<Array<{ employeeId: string; employeeName: string; title: string }>>;
  /** The question's latest answer published through Advocate, if any: who to ask when the customer writes back. */
  latestPublished(questionId: string): Promise<Answer | null>;
  /** Answers still being published to this topic by this username (our own post arriving by webhook). */
  inFlightFor(questionId: string, username: string): Promise<Answer[]>;
  /** The person's answers to the question that are out on the community and not withdrawn, newest first. */
  publishedBy(questionId: string, employeeId: string): Promise<Answer[]>;
  /** Appends to the audit of edits and withdrawals asked for from chat (allowed or refused). */
  auditChange(entry: AnswerChangeAuditEntry): Promise<void>;
}

export interface AnswerChangeAuditEntry {
  answerId: string;
  surface: string;
  userId: string;
  change: "edit" | "withdraw";
  allowed: boolean;
  at: Date;
}

export interface IdeaRepo {
  byId(id: string): Promise<IdeaUpdate | null>;
  bySubmissionKey(key: string): Promise<IdeaUpdate | null>;
  create(update: Pick<IdeaUpdate, "questionId" | "employeeId" | "status" | "body" | "reason" | "submissionKey" | "postedAs">): Promise<IdeaUpdate>;
  update(id: string, patch: Partial<IdeaUpdate>): Promise<IdeaUpdate>;
  /** Whether a community post is one of our idea replies (published, or still on its way from this username). */
  isOurs(questionId: string, postId: number, username: string): Promise<boolean>;
}

export interface LedgerRepo {
  /** Appends an award unless one with this source key exists; true when written. */
  award(input: { employeeId: string; points: number; reason: string; sourceKey: string; occurredAt: Date }): Promise<boolean>;
  total(employeeId: string, range: TimeRange): Promise<number>;
  /** Points earned in the range: positive awards only, so a revocation never makes room under the daily cap. */
  earned(employeeId: string, range: TimeRange): Promise<number>;
  /** How many awards have a source key starting with the prefix, and their net points. */
  tally(sourcePrefix: string): Promise<{ awards: number; points: number }>;
  /** The top of a period, by its key (see periodKey): "all", "week:2026-W48", "month:2026-11", "quarter:2026-Q4". */
  leaderboard(period: string, limit: number): Promise<LeaderboardRow[]>;
  rankOf(employeeId: string, period: string): Promise<LeaderboardRow | null>;
}

/** Point rules admins changed, by name; a rule never changed has no entry. */
export interface PointRuleRepo {
  all(): Promise<Record<string, number>>;
  set(name: string, value: number, updatedBy: string): Promise<void>;
}

/** Charities, each employee's pick, the company's donation terms, and the append-only payout audit. */
export interface CharityRepo {
  add(charity: { name: string; url: string; createdBy: string }): Promise<Charity>;
  byId(id: number): Promise<Charity | null>;
  /** Every charity, removed ones too, by id. */
  list(): Promise<Charity[]>;
  /** Marks it removed; false when it is unknown or was removed already. */
  remove(id: number, at: Date): Promise<boolean>;
  /** The terms in force at that moment (history is kept: every change is a new row). */
  terms(at: Date): Promise<CharityTerms>;
  setTerms(patch: Partial<CharityTerms>, setBy: string, at: Date): Promise<void>;
  pick(employeeId: string, charityId: number, at: Date): Promise<void>;
  /** The employee's pick in force at that moment, kept like the terms. */
  pickOf(employeeId: string, at: Date): Promise<number | null>;
  /** Each employee's net points in the range, when positive, with their pick in force at the range's end. */
  pointsByEmployee(range: TimeRange): Promise<EmployeeQuarterPoints[]>;
  /** Appends the payout; false when this charity's quarter was marked paid before. */
  recordPayout(payout: CharityPayout): Promise<boolean>;
  payouts(quarter: string): Promise<CharityPayout[]>;
}

/** Who an admin allowed to see HR reports, and the append-only audit of report views and refusals. */
export interface HrRepo {
  isGranted(userId: string): Promise<boolean>;
  /** False when the grant existed already. */
  grant(userId: string, grantedBy: string, at: Date): Promise<boolean>;
  /** False when there was no grant. */
  revoke(userId: string): Promise<boolean>;
  audit(entry: ReportAuditEntry): Promise<void>;
}

/** HR report figures over one period, each an SQL aggregate; `department` null for the whole company. */
export interface ReportRepo {
  /** Everyone in the department with a ledger row in the range: one pass over the ledger gives most report figures. */
  advocates(range: Required<TimeRange>, department: string | null): Promise<AdvocateTotals[]>;
  employeesKnown(department: string | null): Promise<number>;
  /** Departments known from the directory and from employees, sorted, at most `limit`. */
  departments(limit: number): Promise<string[]>;
  answersPublished(range: Required<TimeRange>, department: string | null): Promise<number>;
  /** Questions posted in the range: median milliseconds to our first published answer; null when none was answered. */
  medianFirstAnswerMs(range: Required<TimeRange>, department: string | null): Promise<number | null>;
  /** Per week of `weeks` (in order, each up to the next one's start): active advocates and answers published. */
  weekly(range: Required<TimeRange>, department: string | null, weeks: ReportWeek[]): Promise<WeeklyRow[]>;
  /** Per channel, questions posted in the range under a promise that is decided by `now` (answered, or past due), and how many were kept. */
  promisesKept(range: Required<TimeRange>, now: Date): Promise<PromiseTally[]>;
}

/** HR's directory: one row per email; a row's write also gives matching employees their department. */
export interface DirectoryRepo {
  upsert(entry: DirectoryEntry, at: Date): Promise<void>;
  departmentOf(email: string): Promise<string | null>;
  /** Directory rows (in the department); 0 before any import. */
  count(department: string | null): Promise<number>;
  /** The audit of one import. */
  recordImport(audit: DirectoryImportAudit): Promise<void>;
}

export interface DirectoryImportAudit {
  importedBy: string;
  via: "running-app" | "database";
  imported: number;
  problems: number;
  at: Date;
}

export interface DirectoryEntry {
  email: string;
  name: string;
  department: string;
}

export interface ReportAuditEntry {
  userId: string;
  surface: string;
  what: string;
  period: string;
  department: string | null;
  allowed: boolean;
  at: Date;
}

type PromiseField = "promiseMinutes" | "escalateSurface" | "escalateKind" | "escalateTo";

export interface RuleRepo {
  list(): Promise<RoutingRule[]>;
  /** A rule with the same criteria and priority gains the target; otherwise a new rule is made. */
  add(
    rule: Omit<RoutingRule, "id" | "targets" | PromiseField> & Partial<Pick<RoutingRule, PromiseField>> & { target: ChatTarget; createdBy: string },
  ): Promise<{ rule: RoutingRule; merged: boolean }>;
  remove(id: number): Promise<boolean>;
}

export interface ChannelRepo {
  locale(surface: string, channelId: string): Promise<string | null>;
  setLocale(surface: string, channelId: string, locale: string): Promise<void>;
  fallback(): Promise<{ surface: string; channelId: string } | null>;
  setFallback(surface: string, channelId: string): Promise<void>;
  /** The channel that hears of recurring problems. */
  problems(): Promise<{ surface: string; channelId: string } | null>;
  setProblems(surface: string, channelId: string): Promise<void>;
}

export interface FollowRepo {
  add(employeeId: string, topic: string): Promise<void>;
  remove(employeeId: string, topic: string): Promise<boolean>;
  of(employeeId: string): Promise<string[]>;
  /** Every follow with its employee: few enough to match each new question against. */
  all(): Promise<Array<{ employee: Employee; topic: string }>>;
}

export interface ProblemRepo {
  /** Groups with a member posted since the date. */
  recentGroups(since: Date): Promise<ProblemGroup[]>;
  create(group: Pick<ProblemGroup, "label" | "keywords"> & Partial<Pick<ProblemGroup, "embedding">>): Promise<ProblemGroup>;
  /** Members posted since the date, oldest first. */
  members(groupId: number, since: Date): Promise<Array<Pick<Question, "title" | "url">>>;
  /** Marks the group alerted unless it was alerted after `quietSince`; true when this call marked it (one alert). */
  markAlerted(groupId: number, at: Date, quietSince: Date): Promise<boolean>;
}

export interface StoryRepo {
  /** Questions answered since the date: what a story may be about. */
  candidates(since: Date): Promise<StoryCandidate[]>;
  candidate(questionId: string): Promise<StoryCandidate | null>;
  /** What the channel was shown since the date. */
  shownIn(target: ChatTarget, since: Date): Promise<Story[]>;
  /** The channel's latest story: its discussion question decides the next one. */
  latestIn(target: ChatTarget): Promise<Story | null>;
  /** Records a story; null when one was already recorded under its run key (a retried run). */
  record(story: Omit<Story, "id" | "messageRef">): Promise<Story | null>;
  byId(id: string): Promise<Story | null>;
  markPosted(id: string, messageRef: string): Promise<void>;
}

export interface StoryScheduleRepo {
  add(schedule: Omit<StorySchedule, "id">): Promise<StorySchedule>;
  byId(id: number): Promise<StorySchedule | null>;
  list(): Promise<StorySchedule[]>;
  forChannel(target: ChatTarget): Promise<StorySchedule[]>;
  /** Removes one schedule by id, or every schedule of the channel; returns the ids removed. */
  /** By id (within the target channel when one is given), or every schedule of the target channel. */
  remove(which: { id: number; target?: ChatTarget } | { target: ChatTarget }): Promise<number[]>;
}

export interface AiCallRecord {
  community: string;
  purpose: string;
  promptTokens: number;
  completionTokens: number;
  outcome: string;
  at: Date;
}

export interface AiRepo {
  record(call: AiCallRecord): Promise<void>;
  tokensSince(since: Date): Promise<number>;
  /** The admin's switch for a community; on unless turned off. */
  enabled(community: string): Promise<boolean>;
  setEnabled(community: string, enabled: boolean, by: string): Promise<void>;
}

/** Durable work: a kind and its payload. Each kind's schema and handler are registered in core/outbox. */
export interface OutboxJob {
  readonly kind: string;
}

export interface OutboxRepo<Job extends OutboxJob = OutboxJob> {
  /**
   * Durable work; with a dedupe key, a second enqueue of the same work is a no-op. With `coalesce`, the same
   * message already waiting in the lane (not yet started) makes this one a no-op: for redraws, which always show
   * the latest state, so a hundred clicks on one card make one update, not a hundred paced ones. With `expedite`,
   * the same work (by dedupe key) already waiting for a later time is due after `delayMs` instead.
   */
  enqueue(message: Job, options: { lane: string; dedupeKey?: string; delayMs?: number; coalesce?: boolean; expedite?: boolean }): Promise<void>;
}

/** What Advocate holds about one person, for `my data`, and their erasure, for `forget me`; both audited. */
export interface PersonalDataRepo {
  /** Every row about the employee (and HR's directory row by their email); nothing of anyone else. */
  of(employeeId: string): Promise<PersonalData>;
  /**
   * Replaces names, email and chat id by the pseudonym and drops what only served the person (their community
   * link, follows, HR grant, file offers, chat address); the ledger and answers stay, on the same row.
   */
  forget(employeeId: string, pseudonym: string, at: Date): Promise<void>;
  audit(entry: PersonalDataAuditEntry): Promise<void>;
}

export interface PersonalDataAuditEntry {
  action: "export" | "forget";
  byEmployeeId: string;
  aboutEmployeeId: string;
  pseudonym: string | null;
  at: Date;
}

/** Rows as stored, keyed by table: what `my data` sends. */
export interface PersonalData {
  employee: Record<string, unknown>;
  ledger: Array<{ points: number; reason: string; sourceKey: string; occurredAt: Date }>;
  answers: Array<Record<string, unknown>>;
  ideaUpdates: Array<Record<string, unknown>>;
  claims: Array<Record<string, unknown>>;
  follows: Array<Record<string, unknown>>;
  charityPicks: Array<Record<string, unknown>>;
  hrGrants: Array<Record<string, unknown>>;
  reportAudit: Array<Record<string, unknown>>;
  privacyAudit: Array<Record<string, unknown>>;
  directory: Record<string, unknown> | null;
}

/** Drops what is only kept for a while: processed inbound events and outbox work that is done. */
export interface RetentionRepo {
  sweep(before: Date): Promise<{ inboundEvents: number; outboxItems: number }>;
}

export interface InboundRepo {
  /** Stores an external event once; false when its delivery id or business key was seen before. */
  record(event: { source: string; deliveryId: string; businessKey: string; name: string; payload: unknown }): Promise<{ id: string } | null>;
  markProcessed(id: string, outcome: string): Promise<void>;
}

/** How a chat surface reaches a channel or a person later (Teams conversation references); opaque to the core. */
export interface AddressRepo {
  get(surface: string, kind: "channel" | "user", externalId: string): Promise<unknown>;
  save(surface: string, kind: "channel" | "user", externalId: string, reference: object): Promise<void>;
}

export interface CursorRepo {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

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
}

/** Files waiting for their recipient's consent (where a chat asks for it before taking a file). */
export interface FileOfferRepo {
  create(offer: { surface: string; userId: string; filename: string; content: Buffer }): Promise<string>;
  byId(id: string): Promise<FileOffer | null>;
  delivered(id: string, at: Date): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface FileOffer {
  id: string;
  surface: string;
  userId: string;
  filename: string;
  content: Buffer;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** Repositories plus a unit of work: what one transaction writes lands together or not at all. */
export interface Store<Job extends OutboxJob = OutboxJob> extends Repos<Job> {
  transaction<T>(work: (tx: Repos<Job>) => Promise<T>): Promise<T>;
}
