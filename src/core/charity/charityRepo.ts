// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { Charity, CharityPayout, CharityTerms, EmployeeQuarterPoints } from "../kernel/charity";
import type { TimeRange } from "../kernel/model";

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
