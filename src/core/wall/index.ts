// The wall feature's public face: what the rest of Advocate may use of it.
export { wallFor, type WallView } from "./wallFor";
export type { WallLink, WallLinkRepo } from "./wallLinkRepo";
export { createWallLink, listWallLinks, revokeWallLink, type WallLinkMade } from "./wallLinks";
