// What a report sends as files, on every surface: the CSV, and its weekly trend as a PNG chart beside it.
import { translator } from "../../i18n";
import { trendChartPng } from "./trendChart";
import { chartEngine } from "./chartEngine";
import type { ChatFile } from "../../core/ports/views/chatFile";

export interface FileToSend {
  filename: string;
  title: string;
  bytes: Buffer;
}

export async function reportFiles(file: ChatFile, locale: string): Promise<FileToSend[]> {
  const files = [{ filename: file.filename, title: file.title, bytes: Buffer.from(file.content, "utf8") }];
  if (!file.trend) return files;
  const t = translator(locale);
  const png = trendChartPng(await chartEngine(), file.trend, { active: t("report.chartActive"), answers: t("report.chartAnswers") });
  return [...files, { filename: file.filename.replace(/\.csv$/, ".png"), title: file.title, bytes: png }];
}
