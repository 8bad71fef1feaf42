import { readFileSync } from "node:fs";

/** A process's resident set in MiB (VmRSS of /proc/<pid>/status), 0 once it is gone. */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
    return kib / 1024;
  } catch {
    return 0;
  }
}

/** Samples each named process's RSS every `everyMs` until stopped; the peaks, in MiB. */
export function sampleRss(pids: Record<string, number>, everyMs = 20) {
  const peaks: Record<string, number> = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, rssMiB(pid)]),
  );
  const sample = () => {
    for (const [name, pid] of Object.entries(pids))
      peaks[name] = Math.max(peaks[name], rssMiB(pid));
  };
  const timer = setInterval(sample, everyMs);
  return {
    peaks,
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
