import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import { type BrowserSession, openSession } from "./browser-session";
import { buildAll } from "./build";
import { NO_CHROMIUM_MESSAGE, findChromium, launchChromium } from "./chromium";
import { createDatabase, dropDatabase } from "../../harness/database";
import { type NpmStart, startNpmStart } from "../../harness/npm-start";

export const chromiumPath = findChromium();
// .ci/run sets REQUIRE_BROWSER_TESTS: there a missing Chromium fails the run instead of a skip.
if (!chromiumPath && process.env.REQUIRE_BROWSER_TESTS) throw new Error(NO_CHROMIUM_MESSAGE);
if (!chromiumPath) console.warn(`\nbrowser tests skipped: ${NO_CHROMIUM_MESSAGE}\n`);

export const STORY = "/app/incidents/microsoft-exchange-2021";

/** Waits for the locator to show (the API answers within seconds, even on a slow machine). */
export async function shown(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: "visible", timeout: 20_000 });
  return locator;
}

/** Clicks "Load more …" until every page of the lists on screen is loaded (the dataset grows). */
export async function loadEveryPage(page: Page): Promise<void> {
  const more = page.locator("button.load-more");
  for (let pages = 0; pages < 50 && (await more.count()) > 0; pages++) {
    await more.first().click();
    await page.locator('button.load-more[aria-busy="true"]').waitFor({ state: "detached" });
  }
  expect(await more.count()).toBe(0);
}

export interface WebApp {
  /** A fresh browser context on the gateway; checked for foreign requests and console errors. */
  open(options?: Parameters<typeof openSession>[2]): Promise<BrowserSession>;
  /** The session `open` made last. */
  session(): BrowserSession;
}

/**
 * Registers the hooks of a browser test file: `npm run build`, then what `npm start` runs over
 * a fresh database named `name`, and Debian's Chromium; after each test, no request to another
 * host and no console error.
 */
export function useWebApp(name: string): WebApp {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let server: NpmStart;
  let browser: Browser;
  let current: BrowserSession | undefined;
  beforeAll(async () => {
    if (!chromiumPath) return;
    await buildAll();
    databaseUrl = await createDatabase(serverUrl, name);
    [server, browser] = await Promise.all([
      startNpmStart(databaseUrl, { LOAD_MISP_ON_START: "false" }),
      launchChromium(chromiumPath),
    ]);
  }, 300_000);
  afterEach(async () => {
    if (!current) return;
    const { foreignRequests, errors } = current;
    await current.close();
    current = undefined;
    expect(foreignRequests, "requests to other hosts").toEqual([]);
    expect(errors, "console errors").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });
  return {
    open: async (options) => (current = await openSession(browser, server.gatewayUrl, options)),
    session: () => current!,
  };
}
