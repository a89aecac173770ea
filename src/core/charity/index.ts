// The charity feature's public face: what the rest of Advocate may use of it.
export { attributePoints } from "./attribution";
export type { CharityReply } from "./charityCommand";
export type { CharityRepo } from "./charityRepo";
export { donationReport, type DonationReport, type DonationReportAsk } from "./donationReport";
export { markDonationPaid, type MarkPaidResult } from "./markPaid";
export { myCharityShare, type CharityShare } from "./myShare";
export { pickCharity, type CharityPicker } from "./pickCharity";
export { quarterReport, type QuarterReport } from "./quarterReport";
export { quarterLabel, quarterOf, recentQuarters, type Quarter } from "./quarters";
