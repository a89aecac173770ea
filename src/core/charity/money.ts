// Euro amounts typed by people ("0.10", "2500", "1.234,56" is refused) read into exact integers.

export const MICRO_EUROS_PER_CENT = 10_000;

/**
 * "12.5", "12,50" or "€12.50" as an integer count of 10^-decimals euros (decimals 2 → cents), or null when the
 * text is no plain non-negative amount with at most that many decimals and at most `maxWhole` whole euros.
 */
export function parseEuros(text: string, decimals: number, maxWhole: number): number | null {
  const match = /^€?\s*(\d{1,9})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  if (fraction.length > decimals || Number(whole) > maxWhole) return null;
  return Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || "0");
}
