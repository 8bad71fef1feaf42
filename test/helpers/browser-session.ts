import { mkdirSync } from "node:fs";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { projectPath } from "../../platform/paths";

export const ARTIFACTS = projectPath("test", "artifacts");

export interface BrowserSession {
  page: Page;
  /** Every request the page made to a host other than the gateway's (each was aborted). */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions (a CSP violation is one). */
  errors: string[];
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A fresh browser context on the gateway: requests to any other host are recorded and aborted
 * (as they would fail offline), console errors are collected.
 */
export async function openSession(
  browser: Browser,
  gatewayUrl: string,
  options: BrowserContextOptions = {},
): Promise<BrowserSession> {
  const gateway = new URL(gatewayUrl).host;
  const context = await browser.newContext({ baseURL: gatewayUrl, ...options });
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  await context.route(
    (url) => url.host !== gateway,
    (route) => {
      foreignRequests.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    foreignRequests,
    errors,
    async screenshot(name, { fullPage = true } = {}) {
      const path = `${ARTIFACTS}/${name}.png`;
      await page.screenshot({ path, fullPage });
      return path;
    },
    close: () => context.close(),
  };
}
