// `my data`: everything Advocate holds about the person who asks, as files (the rows as JSON, and their ledger as CSV
// for a spreadsheet): sent to their direct messages through the outbox like HR's report files, or downloaded from
// the console. Audited either way.
import type { CoreDeps, CoreRepos } from "../deps";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import type { ChatFile } from "../ports/views/chatFile";
import { actorEmployee, localeOf } from "../accounts";
import { lanes } from "../kernel/lanes";
import type { PersonalData } from "./personalDataRepo";

export type MyDataReply = { type: "my_data_sent"; filenames: string[] } | CommandError<"unknown_command">;

export async function myDataCommand(deps: Pick<CoreDeps, "store" | "clock" | "settings">, ctx: CommandContext, [what]: string[]): Promise<MyDataReply> {
  if (what?.toLowerCase() !== "data") return { type: "error", problem: "unknown_command", detail: ["my", what].filter(Boolean).join(" ") };
  if (ctx.surface !== "slack" && ctx.surface !== "teams") throw new Error(`no files on ${ctx.surface}`);
  const surface = ctx.surface;
  const employee = await actorEmployee(deps, ctx);
  const locale = localeOf(deps, employee);
  const files = await exportMyData(deps, employee.id, async (tx, file) => {
    await tx.outbox.enqueue({ kind: "chat.sendFile", surface, userId: ctx.userId, locale, file }, { lane: lanes.user(surface, ctx.userId) });
  });
  return { type: "my_data_sent", filenames: files.map((file) => file.filename) };
}

/** The person's files, audited as an export; `deliver` sends each in the same transaction as the audit (or not at all). */
export async function exportMyData(
  deps: Pick<CoreDeps, "store" | "clock">,
  employeeId: string,
  deliver: (tx: CoreRepos, file: ChatFile) => Promise<void> = async () => undefined,
): Promise<ChatFile[]> {
  const now = deps.clock.now();
  const data = await deps.store.personalData.of(employeeId);
  const day = now.toISOString().slice(0, 10);
  const files: ChatFile[] = [
    { filename: `advocate-my-data-${day}.json`, title: `Advocate: my data ${day}`, content: JSON.stringify(data, null, 2) },
    { filename: `advocate-my-points-${day}.csv`, title: `Advocate: my points ${day}`, content: ledgerCsv(data.ledger) },
  ];
  await deps.store.transaction(async (tx) => {
    await tx.personalData.audit({ action: "export", byEmployeeId: employeeId, aboutEmployeeId: employeeId, pseudonym: null, at: now });
    for (const file of files) await deliver(tx, file);
  });
  return files;
}

/** The ledger rows, RFC 4180, oldest first. */
function ledgerCsv(rows: PersonalData["ledger"]): string {
  const field = (value: string | number) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));
  const lines = [["occurred_at", "points", "reason", "source"], ...rows.map((row) => [row.occurredAt.toISOString(), row.points, row.reason, row.sourceKey])];
  return lines.map((line) => line.map(field).join(",")).join("\r\n") + "\r\n";
}
