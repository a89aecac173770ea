// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { Employee } from "../kernel/model";

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
  /** One chat identity, or null when Advocate has not seen it. */
  identity(surface: string, externalId: string): Promise<ChatIdentity | null>;
  /** The person's chat identities, oldest first. */
  identities(employeeId: string): Promise<ChatIdentity[]>;
  /** Records the verified work email an identity's chat profile gave (lower case), replacing what it said before. */
  recordIdentityEmail(surface: string, externalId: string, email: string, at: Date): Promise<void>;
  /** The persons with an identity whose latest verified email is `email`, oldest first (then by id). */
  byIdentityEmail(email: string): Promise<Employee[]>;
  /** Moves everything of `mergedId` to `survivorId` and deletes it, with an audit row; the conflicts it settled. */
  merge(survivorId: string, mergedId: string, email: string): Promise<MergeConflict[]>;
}
