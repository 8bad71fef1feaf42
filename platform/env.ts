/** Typed access to configuration; every bad value fails fast with the variable's name. */
export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

export function getEnvStr(env: Env, name: string, fallback?: string): string | undefined {
  return raw(env, name) ?? fallback;
}

export function getEnvInt(
  env: Env,
  name: string,
  fallback: number,
  { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {},
): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) {
    throw new ConfigError(`${name} must be an integer, got "${value}"`);
  }
  const parsed = Number(value);
  if (parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${parsed}`);
  }
  return parsed;
}

export function getEnvPort(env: Env, name: string, fallback: number): number {
  return getEnvInt(env, name, fallback, { min: 0, max: 65535 });
}

export function getEnvBool(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

export function getEnvUrl(
  env: Env,
  name: string,
  protocols: string[],
  fallback?: string,
): string | undefined {
  const value = raw(env, name) ?? fallback;
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${redact(value)}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(
      `${name} must use ${protocols.join(" or ")}, got "${url.protocol}" in "${redact(value)}"`,
    );
  }
  return value;
}

/** Hides a password in a connection URL before it reaches a message or a log. */
export function redact(value: string): string {
  return value.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/** A shared secret: long enough to resist guessing, never echoed back in an error. */
export function getEnvSecret(env: Env, name: string): string | undefined {
  const value = raw(env, name);
  if (value !== undefined && value.length < 32) {
    throw new ConfigError(`${name} must be at least 32 characters (got ${value.length})`);
  }
  return value;
}
