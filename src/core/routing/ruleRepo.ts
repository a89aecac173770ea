// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { ChatTarget, RoutingRule } from "../kernel/model";

type PromiseField = "promiseMinutes" | "escalateSurface" | "escalateKind" | "escalateTo";

export interface RuleRepo {
  list(): Promise<RoutingRule[]>;
  /** A rule with the same criteria and priority gains the target; otherwise a new rule is made. */
  add(
    rule: Omit<RoutingRule, "id" | "targets" | PromiseField> & Partial<Pick<RoutingRule, PromiseField>> & { target: ChatTarget; createdBy: string },
  ): Promise<{ rule: RoutingRule; merged: boolean }>;
  remove(id: number): Promise<boolean>;
}
