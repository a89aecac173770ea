// The page's language: the one picked with the switch (a cookie), else the browser's first supported choice
// (Accept-Language, by weight), else the company's default.
import { LOCALES, normalizeLocale, type SupportedLocale } from "../../i18n";

const isSupported = (value: string): value is SupportedLocale => (LOCALES as readonly string[]).includes(value);

export function pickLocale(picked: string | undefined, acceptLanguage: string | undefined, fallback: SupportedLocale): SupportedLocale {
  if (picked && isSupported(picked)) return picked;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((entry) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { base: tag.toLowerCase().split("-")[0] ?? "", weight: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  const first = ranked.find((entry) => isSupported(entry.base));
  return first ? normalizeLocale(first.base) : fallback;
}
