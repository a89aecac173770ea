// The console sessions feature's public face: what the rest of Advocate may use of it.
export type { ConsoleSessionRepo } from "./consoleSessionRepo";
export { SESSION_HOURS, consoleSession, endConsoleSession, startConsoleSession, type ConsoleSession, type SessionSettings, type SignIn } from "./sessions";
