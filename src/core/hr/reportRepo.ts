// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { TimeRange } from "../kernel/model";
import type { AdvocateTotals, PromiseTally, ReportWeek, WeeklyRow } from "../ports/views/reportView";

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
  /** Answers published in the range per department of their author, the department in lower case (none: absent). */
  answersByDepartment(range: Required<TimeRange>): Promise<Array<{ department: string; answers: number }>>;
  /** Known people per department: from HR's directory, or from the employees Advocate knows. */
  departmentSizes(from: "directory" | "employees"): Promise<Array<{ department: string; people: number }>>;
  /** Per channel, questions posted in the range under a promise that is decided by `now` (answered, or past due), and how many were kept. */
  promisesKept(range: Required<TimeRange>, now: Date): Promise<PromiseTally[]>;
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
