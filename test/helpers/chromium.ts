import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { type Browser, chromium } from "playwright-core";

const NAMES = ["chromium", "chromium-browser"];

/** Debian's Chromium (CHROMIUM_PATH, or `chromium` on the PATH); never a downloaded browser. */
export function findChromium(env = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    for (const name of NAMES) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

export const NO_CHROMIUM_MESSAGE =
  "no Chromium found for the browser tests. Install Debian's with `apt-get install -y chromium` " +
  "(or set CHROMIUM_PATH to a Chromium binary); .ci/run installs it, so CI always runs them.";

/** Headless, sandbox-free and quiet: no update checks, sync or first-run requests. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
