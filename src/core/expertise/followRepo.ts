// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { Employee } from "../kernel/model";

export interface FollowRepo {
  add(employeeId: string, topic: string): Promise<void>;
  remove(employeeId: string, topic: string): Promise<boolean>;
  of(employeeId: string): Promise<string[]>;
  /** Every follow with its employee: few enough to match each new question against. */
  all(): Promise<Array<{ employee: Employee; topic: string }>>;
}
