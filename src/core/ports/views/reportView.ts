// What HR's reports show, as data: the chat presenters draw it, the repositories fill its rows. Here, among the
// ports, so that they can name them without importing the use cases that build them.
import type { LeaderboardRow } from "../../kernel/model";
import { z } from "zod";

export interface HrReport {
  period: string;
  department: string | null;
  activeAdvocates: number;
  employeesKnown: number;
  /** Whole percent of known employees who were active; null when Advocate knows nobody. */
  participationPercent: number | null;
  answersPublished: number;
  medianFirstAnswerMs: number | null;
  solutionsAccepted: number;
  points: number;
  pointsPerCharity: Array<{ charity: string; points: number }>;
  top: LeaderboardRow[];
  weekly: WeeklyRow[];
  /** Per department, for the whole company's report (empty for one department's): groups under the minimum withheld. */
  departments: DepartmentRow[];
  /** Response promises per channel (for every department: a promise belongs to a channel, not a person). */
  promises: PromiseTally[];
}

export type HrHome =
  | { kind: "offer"; departments: string[] }
  | { kind: "report"; choice: HomeReportChoice; departments: string[]; report: HrReport }
  | { kind: "bad_period"; choice: HomeReportChoice; departments: string[] }
  | { kind: "small_group"; choice: HomeReportChoice; departments: string[] };

export interface PromiseTally {
  surface: string;
  channelId: string;
  decided: number;
  kept: number;
}

export interface AdvocateTotals extends Omit<LeaderboardRow, "rank"> {
  /** Awards of more than 0 points: one makes an active advocate. */
  positiveAwards: number;
  /** Ledger rows whose reason starts with solution_accepted / solution_unaccepted (a capped award of 0 counts too). */
  solutionsAccepted: number;
  solutionsUnaccepted: number;
  /** Their charity pick at the end of the range, when they have net points to give. */
  pickedCharityId: number | null;
  /** Their department, for the company report's rows per department; null until known. */
  department: string | null;
}

/** One department's figures in the period; a department with fewer known people than the minimum shows none. */
export type DepartmentRow =
  | {
      department: string;
      tooSmall: false;
      /** Known people: HR's directory once imported, else the employees Advocate knows. */
      people: number;
      activeAdvocates: number;
      participationPercent: number | null;
      answersPublished: number;
      points: number;
    }
  | { department: string; tooSmall: true };

export interface WeeklyRow {
  /** e.g. 2026-W47 */
  week: string;
  activeAdvocates: number;
  answers: number;
}

/** An ISO week of a report period, e.g. 2026-W47 from its Monday. */
export interface ReportWeek {
  week: string;
  start: Date;
}

/** HR's choice on their home: the report for this period and department is shown (and audited). */
export const homeReportChoiceSchema = z.object({ period: z.string().max(40), department: z.string().max(100).nullable() });
export type HomeReportChoice = z.infer<typeof homeReportChoiceSchema>;
