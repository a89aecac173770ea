// The operations feature's public face: what the rest of Advocate may use of it.
export type { LaneDepth, OperationsRepo, OutboxItemState } from "./operationsRepo";
export { operationsView, LISTED_ITEMS, type OperationsView } from "./operationsView";
export { redactError } from "./redactError";
export { retryOutboxItem, type RetryOutcome } from "./retryOutboxItem";
