// The personal data feature's public face: what the rest of Advocate may use of it.
export { exportMyData } from "./myData";
export { personalDataCommands } from "./personalDataCommands";
export type { PersonalDataRepo } from "./personalDataRepo";
export type { RetentionRepo } from "./retentionRepo";
