// Says a thing once an hour per key: a stranger's tenant knocking a thousand times is one log line an hour.
const HOUR_MS = 3_600_000;

export class HourlyNotice {
  private readonly last = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  firstInHour(key: string): boolean {
    const now = this.now();
    const last = this.last.get(key);
    if (last !== undefined && now - last < HOUR_MS) return false;
    this.last.set(key, now);
    return true;
  }
}
