// User-facing text lives in locales/<lang>.json; this is the one place that loads it.
import { readFileSync } from "node:fs";
import path from "node:path";
import i18next, { type TFunction } from "i18next";

export const LOCALES = ["en", "nl"] as const;
export type SupportedLocale = (typeof LOCALES)[number];

const LOCALES_DIR = path.resolve(__dirname, "../../locales");

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  showSupportNotice: false,
  fallbackLng: "en",
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: JSON.parse(readFileSync(path.join(LOCALES_DIR, `${locale}.json`), "utf8")) }])),
});

/** "nl-NL", "nl_BE", "NL" → "nl"; anything unsupported → the fallback. */
export function normalizeLocale(raw: string | null | undefined, fallback: SupportedLocale = "en"): SupportedLocale {
  const base = (raw ?? "").toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? "") ? (base as SupportedLocale) : fallback;
}

/** How a surface's users call Advocate, shown in help and hints ("/advocate link", "@Advocate link"). */
export const COMMAND_PREFIX = { slack: "/advocate", teams: "@Advocate" } as const;

export function translator(locale: string | null | undefined, cmd: string = COMMAND_PREFIX.slack): TFunction {
  const t = instance.getFixedT(normalizeLocale(locale));
  return ((key: string | string[], options?: Record<string, unknown>) => t(key, { cmd, ...options })) as TFunction;
}

/** "3 hours ago" / "3 uur geleden", in the reader's language. */
export function timeAgo(from: Date, now: Date, locale: string): string {
  const seconds = Math.round((from.getTime() - now.getTime()) / 1000);
  const format = relativeFormat(normalizeLocale(locale));
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, "second");
}

/** "14:30" in the company's timezone, for claim expiry and deadlines; 24-hour in every language (our teams are European). */
export function clockTime(date: Date, locale: string, timeZone: string): string {
  return clockFormat(normalizeLocale(locale), timeZone).format(date);
}

// Building an Intl formatter costs far more than using one (it showed in the ack path's CPU profile): one per
// language and timezone, kept.
const clockFormats = new Map<string, Intl.DateTimeFormat>();
function clockFormat(locale: SupportedLocale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = clockFormats.get(key);
  if (!format) clockFormats.set(key, (format = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone })));
  return format;
}

const relativeFormats = new Map<SupportedLocale, Intl.RelativeTimeFormat>();
function relativeFormat(locale: SupportedLocale): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })));
  return format;
}
