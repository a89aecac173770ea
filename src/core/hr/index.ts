// The hr feature's public face: what the rest of Advocate may use of it.
export { departments } from "./departments";
export type { DirectoryRepo } from "./directoryRepo";
export { hrHome } from "./hrHome";
export type { HrRepo } from "./hrRepo";
export { importDirectory, type DirectoryImport } from "./importDirectory";
export { participationReport, type ParticipationReport, type ReportAsk } from "./participationReport";
export { reportCommand } from "./reportCommand";
export { reportCsv, reportCsvFilename } from "./reportCsv";
export type { ReportRepo } from "./reportRepo";
