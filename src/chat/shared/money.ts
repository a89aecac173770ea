// Euros as people read them: "€34.00" in English, "€ 34,00" in Dutch. The integers become exact decimal strings
// before Intl formats them, so no float ever rounds an amount.
import { normalizeLocale } from "../../i18n";

const NUMBER_LOCALE = { en: "en-GB", nl: "nl-NL" } as const;

/** Whole cents: "€34.00". */
export function formatCents(cents: number, locale: string): string {
  return euros(locale, 2).format(decimal(cents, 2));
}

/** A point value in millionths of a euro, with as many decimals as it has (at least two): "€0.10", "€0.0125". */
export function formatMicroEuros(micro: number, locale: string): string {
  return euros(locale, 6).format(decimal(micro, 6));
}

function euros(locale: string, maxDecimals: number): Intl.NumberFormat {
  return new Intl.NumberFormat(NUMBER_LOCALE[normalizeLocale(locale)], {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 2,
    maximumFractionDigits: maxDecimals,
  });
}

/** 3400 with 2 decimals → "34.00". */
function decimal(units: number, decimals: number): `${number}` {
  const digits = Math.abs(units)
    .toString()
    .padStart(decimals + 1, "0");
  return `${units < 0 ? "-" : ""}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` as `${number}`;
}
