// Splits a whole number of cents over parts in proportion to their weights, so that the parts add up to
// exactly the total (largest remainder method). Integer arithmetic throughout: no float ever touches money.

export interface Weighted {
  key: number;
  weight: number;
}

/**
 * Each part gets the floor of its exact share; the cents left over go one each to the parts with the largest
 * remainders. Ties go to the larger weight, then the smaller key, so the same input always splits the same way.
 */
export function largestRemainder(total: number, parts: readonly Weighted[]): Map<number, number> {
  const sum = BigInt(parts.reduce((acc, part) => acc + part.weight, 0));
  const shares = new Map<number, number>(parts.map((part) => [part.key, 0]));
  if (sum === 0n || total === 0) return shares;
  const exact = parts.map((part) => {
    const scaled = BigInt(total) * BigInt(part.weight);
    return { ...part, floor: scaled / sum, remainder: scaled % sum };
  });
  let left = BigInt(total) - exact.reduce((acc, part) => acc + part.floor, 0n);
  const order = [...exact].sort((a, b) => (a.remainder !== b.remainder ? (b.remainder > a.remainder ? 1 : -1) : b.weight - a.weight || a.key - b.key));
  for (const part of order) {
    const extra = left > 0n ? 1n : 0n;
    left -= extra;
    shares.set(part.key, Number(part.floor + extra));
  }
  return shares;
}
