import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import type { Browser, Locator } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { projectPath } from "../services/common/paths";
import { type BrowserSession, openSession } from "./helpers/browser-session";
import { NO_CHROMIUM_MESSAGE, findChromium, launchChromium } from "./helpers/chromium";
import { createDatabase, dropDatabase } from "../harness/database";
import { type NpmStart, startNpmStart } from "../harness/npm-start";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(`\n${NO_CHROMIUM_MESSAGE}\n`);

const STORY = "/app/incidents/microsoft-exchange-2021";
const DEFENDANTS = ["Ding Xiaoyang", "Cheng Qingmin", "Zhu Yunmin", "Wu Shurong"];

/** Waits for the locator to show (the API answers within seconds, even on a slow machine). */
async function shown(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: "visible", timeout: 20_000 });
  return locator;
}

// Debian's Chromium drives the app and GraphiQL as `npm start` serves them after `npm run build`,
// over a fresh database: the seed's story, search in French, paging, an alias, the charts,
// GraphiQL; and no request to any host but the gateway's.
describe.skipIf(!chromiumPath)("browser > web app and GraphiQL, served by npm start", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let server: NpmStart;
  let browser: Browser;
  let session: BrowserSession;
  const open = async (options?: Parameters<typeof openSession>[2]) =>
    (session = await openSession(browser, server.gatewayUrl, options));

  beforeAll(async () => {
    // As `npm start` builds it; vitest's NODE_ENV=test would make Vite bundle React's dev build.
    execFileSync("npm", ["run", "build", "--silent"], {
      cwd: projectPath(),
      env: { ...process.env, NODE_ENV: "production" },
      stdio: "pipe",
    });
    databaseUrl = await createDatabase(serverUrl, "browser");
    [server, browser] = await Promise.all([
      startNpmStart(databaseUrl),
      launchChromium(chromiumPath!),
    ]);
  }, 300_000);
  afterEach(async () => {
    const { foreignRequests, errors } = session;
    await session.close();
    expect(foreignRequests, "requests to other hosts").toEqual([]);
    expect(errors, "console errors").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("tells the seed's story from the home page: who blamed whom, in which words, who was charged", async () => {
    const { page } = await open({ viewport: { width: 1280, height: 900 } });
    await page.goto("/app/");
    await (await shown(page.getByRole("link", { name: /who said what/ }))).click();
    await page.waitForURL(`**${STORY}`);
    await shown(page.getByRole("heading", { level: 1, name: /Microsoft Exchange/ }));
    const timeline = page.locator("section", { has: page.locator("#who-blamed-whom") });
    await shown(timeline.locator('blockquote[lang="en"]', { hasText: "ecosystem of criminal" }));
    expect(
      await timeline.locator('blockquote[lang="fr"]', { hasText: "un écosystème" }).count(),
    ).toBe(1);
    for (const speaker of ["Antony J. Blinken", "Josep Borrell"]) {
      expect(await timeline.getByText(speaker, { exact: true }).count()).toBeGreaterThan(0);
    }
    for (const accuser of ["United States of America", "European Union", "United Kingdom"]) {
      expect(
        await timeline.getByRole("heading", { name: new RegExp(`^${accuser} blames`) }).count(),
      ).toBeGreaterThan(0);
    }
    const defendants = page.locator(".defendant-name");
    await shown(defendants);
    expect(await defendants.allTextContents()).toEqual(DEFENDANTS);
    const shot = await session.screenshot("incident-page");
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(projectPath("docs"), { recursive: true });
      copyFileSync(shot, projectPath("docs", "incident-page.png"));
    }
  });

  it("answers a deep link on reload (the gateway serves index.html for the app's routes)", async () => {
    const { page } = await open();
    const response = await page.goto("/app/actors/apt40");
    expect(response?.headers()["cache-control"]).toBe("no-cache");
    await page.reload();
    await shown(page.getByRole("heading", { level: 1, name: "APT40" }));
  });

  it('finds the French statement for "piratage", typed in the search box', async () => {
    const { page } = await open();
    await page.goto("/app/search");
    const box = page.getByRole("searchbox", { name: /Search statements/ });
    await box.fill("piratage");
    await box.press("Enter");
    const statements = page.locator("section", { has: page.locator("#statements-results") });
    await shown(
      statements.locator('blockquote[lang="fr"]', { hasText: "campagne mondiale de piratage" }),
    );
    expect(await statements.getByRole("heading", { name: /Four Chinese Nationals/ }).count()).toBe(
      1,
    );
    await session.screenshot("search-piratage");
  });

  it("loads the next page of incidents by cursor", async () => {
    const { page } = await open();
    await page.goto("/app/");
    const cards = page.locator(".incident-list > li");
    await shown(cards);
    const before = await cards.count();
    const nextPage = page.waitForRequest((request) => {
      const body = request.postDataJSON() as {
        operationName?: string;
        variables?: { after?: string };
      };
      return body?.operationName === "LatestIncidents" && Boolean(body.variables?.after);
    });
    await page.getByRole("button", { name: /Load more incidents/ }).click();
    await nextPage;
    await page.waitForFunction(
      (count) => document.querySelectorAll(".incident-list > li").length > count,
      before,
    );
    expect(await cards.count()).toBeGreaterThan(before);
  });

  it('finds APT40 by its alias "Leviathan" and shows who named it', async () => {
    const { page } = await open();
    await page.goto("/app/search?q=Leviathan");
    const actors = page.locator("section", { has: page.locator("#actors-results") });
    await shown(actors.getByText("Leviathan", { exact: true }));
    await actors.getByRole("link", { name: "APT40", exact: true }).click();
    await shown(page.getByRole("heading", { level: 1, name: "APT40" }));
    const alias = page.locator(".aliases-list li", { hasText: "Leviathan" });
    expect(await alias.textContent()).toContain("named by Proofpoint");
    await shown(page.getByRole("heading", { name: /United States v\. Ding Xiaoyang/ }));
  });

  it("draws the analytics charts, with their numbers as tables", async () => {
    const { page } = await open();
    await page.goto("/app/analytics");
    const perYear = page.locator("figure", { hasText: "Attributions per year" });
    await shown(perYear.locator(".recharts-bar-rectangle"));
    expect(await perYear.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(3);
    expect(await perYear.locator("tbody th", { hasText: "2021" }).count()).toBe(1);
    await session.screenshot("analytics");
  });

  it("is usable on a phone and from the keyboard", async () => {
    const { page } = await open({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(STORY);
    await shown(page.locator(".defendant-name"));
    for (const role of ["banner", "navigation", "main", "contentinfo", "search"] as const) {
      expect(await page.getByRole(role).count(), role).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { text: element.textContent, outline: getComputedStyle(element).outlineStyle };
    });
    expect(focused).toEqual({ text: "Skip to content", outline: "solid" });
    await session.screenshot("incident-page-phone");
  });

  it("runs the README's IncidentStory in GraphiQL and shows the answer", async () => {
    const { page } = await open({ viewport: { width: 1280, height: 900 } });
    await page.goto("/graphiql");
    for (const name of ["IncidentStory", "GovernmentStory", "ActorStory", "SearchStory"]) {
      await shown(page.getByRole("tab", { name }));
    }
    // The editor holds the query once Monaco has started (and GraphiQL read the schema).
    await shown(page.locator(".graphiql-query-editor", { hasText: "query IncidentStory" }));
    await page.getByRole("button", { name: /Execute query/ }).click();
    await shown(
      page.locator(".graphiql-response", { hasText: "Microsoft Exchange Server compromise" }),
    );
    await session.screenshot("graphiql", { fullPage: false });
  });

  it("opens Sandbox with IncidentStory at /, and the local explorer at once when Sandbox cannot load", async () => {
    const { page, foreignRequests } = await open();
    const response = await page.goto("/");
    expect(await response?.text()).toContain("query IncidentStory");
    await shown(page.getByRole("link", { name: "GraphiQL" }));
    expect(await page.getByText(/could not be loaded/).isVisible()).toBe(true);
    await page.getByRole("link", { name: "GraphiQL" }).click();
    await shown(page.getByRole("tab", { name: "IncidentStory" }));
    // Sandbox comes from Apollo's CDN, its page asks Google for a font (aborted here, as offline).
    const hosts = new Set(foreignRequests.map((url) => new URL(url).host));
    expect(hosts).toContain("embeddable-sandbox.cdn.apollographql.com");
    for (const host of hosts)
      expect(host).toMatch(/\.apollographql\.com$|^fonts\.g(oogleapis|static)\.com$/);
    foreignRequests.length = 0;
    session.errors.length = 0;
  });
});
