// Preloaded (`--import`) into a process the bench starts with `watchLoop`: its own event loop delay, measured
// inside it. On SIGUSR2 it writes the p99 since the previous SIGUSR2 (ms) to BENCH_LOOP_FILE and starts afresh.
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import process from "node:process";

const file = process.env.BENCH_LOOP_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let reading = 0;
  process.on("SIGUSR2", () => {
    reading += 1;
    writeFileSync(file, JSON.stringify({ reading, p99Ms: delay.count ? delay.percentile(99) / 1e6 : null }));
    delay.reset();
  });
}
