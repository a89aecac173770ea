// Where the app's own time went, from the V8 CPU profiles `--cpu-prof` wrote: the share of the run it sat idle
// (waiting on the database or the next request) and the functions with the most self time, by script.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const TOP = 15;

function selfTimes(profile: CpuProfile): Map<string, number> {
  const names = new Map(profile.nodes.map((node) => [node.id, label(node)]));
  const times = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = names.get(id) ?? "?";
    times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return times;
}

function label({ callFrame }: ProfileNode): string {
  const where = callFrame.url ? `${path.relative(process.cwd(), callFrame.url.replace(/^file:\/\//, ""))}:${callFrame.lineNumber + 1}` : "";
  return `${callFrame.functionName || "(anonymous)"}${where ? ` ${where}` : ""}`;
}

/** A thread idle this much of the time did none of the pages' work (tsx's module loader). */
const IDLE_THREAD = 0.99;

export function summariseProfiles(dir: string): string {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .flatMap((file) => {
      const times = selfTimes(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile);
      const total = [...times.values()].reduce((sum, time) => sum + time, 0);
      if ((times.get("(idle)") ?? 0) > IDLE_THREAD * total) return [];
      const top = [...times.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
      const share = (time: number) => `${((100 * time) / total).toFixed(1)} %`.padStart(7);
      return [
        [
          `CPU profile ${path.relative(process.cwd(), path.join(dir, file))} (${(total / 1000).toFixed(1)} s), self time ((idle): waiting on the database or the next request):`,
          ...top.map(([name, time]) => `${share(time)}  ${name}`),
        ].join("\n"),
      ];
    })
    .join("\n\n");
}
