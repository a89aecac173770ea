// The personal data feature's public face: what the rest of Advocate may use of it.
export { personalDataCommands } from "./personalDataCommands";
