// Latency figures and a fixed-concurrency load runner for the benchmarks.

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const ms = (value: number) => (Number.isFinite(value) ? Number(value.toFixed(1)) : null);

/** Runs `total` requests with `concurrency` clients, each timing its own requests; statuses are counted. */
export async function runConcurrently(
  total: number,
  concurrency: number,
  request: (i: number) => Promise<number>,
): Promise<{ latencies: number[]; statuses: Record<string, number> }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const client = async () => {
    while (next < total) {
      const i = next++;
      const start = performance.now();
      const status = await request(i).catch(() => 0);
      latencies.push(performance.now() - start);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { latencies, statuses };
}

/** Sends `rate` requests a second for `seconds`, each on its own (open loop), and times them. */
export async function runAtRate(rate: number, seconds: number, request: (i: number) => Promise<number>): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    inFlight.push(
      request(i).then(
        (status) => {
          latencies.push(performance.now() - sent);
          if (status < 200 || status >= 300) failures++;
        },
        () => void failures++,
      ),
    );
  }
  await Promise.all(inFlight);
  return { latencies, failures };
}
