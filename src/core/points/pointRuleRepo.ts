// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

/** Point rules admins changed, by name; a rule never changed has no entry. */
export interface PointRuleRepo {
  all(): Promise<Record<string, number>>;
  set(name: string, value: number, updatedBy: string): Promise<void>;
}
