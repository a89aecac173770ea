// The ports: everything the core needs from the outside world, and nothing more.
export type * from "./clock";
export type * from "./community";
export type * from "./chat";
export type * from "./languageModel";
export type * from "./repositories";
export type * from "./readiness";
