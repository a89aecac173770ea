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
  /** Replaces a rule's criteria, priority and promise, and its targets when given; null when there is no such rule. */
  update(id: number, rule: RuleFields, targets: ChatTarget[] | null): Promise<RoutingRule | null>;
}

/** Everything of a rule but its id and targets. */
export type RuleFields = Omit<RoutingRule, "id" | "targets">;
