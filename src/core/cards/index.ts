// The cards feature's public face: what the rest of Advocate may use of it.
export type { CardRepo } from "./cardRepo";
export { findCard } from "./findCard";
export { linkedCard } from "./linkedCard";
export { passOn } from "./passOn";
export { refreshCards } from "./refreshCards";
export { cardViewFrom } from "./renderCard";
