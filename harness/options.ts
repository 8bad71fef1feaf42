import { UsageError } from "../scripts/cli";

export { UsageError };

/** The options of a command line: `--name value`, `--name=value` (for values like `--x`), `--flag`. */
export type Options = Map<string, string>;

export function parseOptions(argv: string[], known?: string[]): Options {
  const options: Options = new Map();
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i];
    if (!name.startsWith("--")) throw new UsageError(`unexpected argument "${name}"`);
    const equals = name.indexOf("=");
    if (equals > 0) {
      options.set(name.slice(2, equals), name.slice(equals + 1));
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) {
      options.set(name.slice(2), "true");
    } else {
      options.set(name.slice(2), value);
      i += 1;
    }
  }
  for (const name of options.keys()) {
    if (known && !known.includes(name)) throw new UsageError(`unknown option --${name}`);
  }
  return options;
}

/** A positive integer option; `10_000` and `10k` read as 10000. */
export function positiveInt(options: Options, name: string, fallback: number) {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, "").replace(/k$/i, "000"));
  if (!Number.isInteger(value) || value <= 0)
    throw new UsageError(`--${name}: not a positive integer: ${raw}`);
  return value;
}

/** A number option within [min, max]. */
export function numberOption(
  options: Options,
  name: string,
  fallback: number,
  [min, max]: [number, number],
) {
  const raw = options.get(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${name}: expected a number in ${min}..${max}, got ${raw}`);
  }
  return value;
}
