// The charity feature's public face: what the rest of Advocate may use of it.
export { attributePoints } from "./attribution";
export type { CharityReply } from "./charityCommand";
export type { CharityRepo } from "./charityRepo";
export { myCharityShare, type CharityShare } from "./myShare";
export { pickCharity, type CharityPicker } from "./pickCharity";
export { quarterReport, type QuarterReport } from "./quarterReport";
export { quarterOf, type Quarter } from "./quarters";
