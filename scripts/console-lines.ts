const LEVELS: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};
/** Every line has them, or the prefix already says them. */
const OMITTED = new Set(["level", "time", "pid", "hostname", "service", "msg", "err"]);

const show = (value: unknown) =>
  typeof value === "string" && !/\s/.test(value) ? value : JSON.stringify(value);

/**
 * A service's pino JSON line as a person reads it in a terminal (`npm start` in development):
 * `warn graphql request failed operation=X ms=12 requestId=...`, an error's stack below it.
 * Any other line is left as it is. Production keeps the JSON lines for log collectors.
 */
export function readableLogLine(line: string): string {
  if (!line.startsWith("{")) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (typeof entry.level !== "number" || typeof entry.msg !== "string") return line;
  const level = LEVELS[entry.level] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, value]) => `${key}=${show(value)}`);
  const text = [level === "info" ? "" : level, entry.msg, ...fields].filter(Boolean).join(" ");
  const stack = (entry.err as { stack?: unknown } | undefined)?.stack;
  return typeof stack === "string" ? `${text}\n${stack}` : text;
}
