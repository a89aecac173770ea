// The ai feature's public face: what the rest of Advocate may use of it.
export { aiBlocked } from "./aiGate";
export type { AiRepo } from "./aiRepo";
export { classifyWithAi, type AiRouting } from "./classifyWithAi";
export { draftAnswer } from "./draftAnswer";
export { redact } from "./redact";
