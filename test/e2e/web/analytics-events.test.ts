import type { Browser, Locator } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { type BrowserSession, openSession } from "../../helpers/browser-session";
import { buildAll } from "../../helpers/build";
import { NO_CHROMIUM_MESSAGE, findChromium, launchChromium } from "../../helpers/chromium";
import { shippedDataset } from "../../helpers/dataset";
import { createDatabase, dropDatabase } from "../../../harness/database";
import { type NpmStart, startNpmStart } from "../../../harness/npm-start";

const chromiumPath = findChromium();
// .ci/run sets REQUIRE_BROWSER_TESTS: there a missing Chromium fails the run instead of a skip.
if (!chromiumPath && process.env.REQUIRE_BROWSER_TESTS) throw new Error(NO_CHROMIUM_MESSAGE);
if (!chromiumPath) console.warn(`\nbrowser tests skipped: ${NO_CHROMIUM_MESSAGE}\n`);

const data = shippedDataset();
const nameOf = (id: string) => data.governments.find((g) => g.id === id)!.name;

/** The pairs `government` is in, as the analytics page words them, from the bundle files. */
function pairsOf(government: string): string[] {
  const together = new Map<string, Set<string>>(); // incident + day -> governments
  for (const { incident, statement } of data.attributions) {
    const key = `${incident} ${statement.issuedAt}`;
    const set = together.get(key) ?? new Set<string>();
    for (const id of [statement.issuer, ...(statement.cosigners ?? [])]) set.add(id);
    together.set(key, set);
  }
  const incidents = new Map<string, Set<string>>(); // partner -> incidents
  for (const [key, governments] of together) {
    if (!governments.has(government)) continue;
    for (const partner of governments) {
      if (partner === government) continue;
      incidents.set(partner, (incidents.get(partner) ?? new Set()).add(key.split(" ")[0]));
    }
  }
  return [...incidents].map(([partner, set]) => {
    const [a, b] = [government, partner].sort();
    return `${nameOf(a)} and ${nameOf(b)}: ${set.size} incident${set.size === 1 ? "" : "s"}`;
  });
}

/** Waits for the locator to show (the API answers within seconds, even on a slow machine). */
async function shown(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: "visible", timeout: 20_000 });
  return locator;
}

// Debian's Chromium opens the analytics page as `npm start` serves it over a fresh database: the
// governments that joined the graph with issue 26 (Albania, Georgia) show as accusers and in pairs.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let server: NpmStart;
let browser: Browser;
let session: BrowserSession;

beforeAll(async () => {
  if (!chromiumPath) return;
  await buildAll();
  databaseUrl = await createDatabase(serverUrl, "analytics-events");
  [server, browser] = await Promise.all([
    startNpmStart(databaseUrl, { LOAD_MISP_ON_START: "false" }),
    launchChromium(chromiumPath),
  ]);
}, 300_000);
afterEach(async () => {
  if (!session) return;
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

describe.skipIf(!chromiumPath)("web > browser > analytics > issue 26's accusers", () => {
  it("shows Albania as an accuser and its pairs with the UK and the US", async () => {
    session = await openSession(browser, server.gatewayUrl);
    const { page } = session;
    await page.goto("/app/analytics");
    const expected = pairsOf("al");
    expect(expected).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Albania and United Kingdom: /),
        expect.stringMatching(/^Albania and United States of America: /),
      ]),
    );
    const pairs = page.locator("ul.pairs li");
    await shown(pairs.filter({ hasText: /^Albania and / }));
    const shownPairs = (await pairs.allTextContents()).filter((t) => t.startsWith("Albania and "));
    expect(
      shownPairs.map((t) => t.replace(/, \d+ statements? signed together$/, "")).sort(),
    ).toEqual(expected.sort());

    const medians = page.locator("figure", { hasText: "Median days to the first attribution" });
    // The numbers' table is folded (<details>): there, not visible.
    await medians
      .locator("tbody th", { hasText: "Albania" })
      .waitFor({ state: "attached", timeout: 20_000 });
    expect(await medians.locator("tbody th").allTextContents()).toContain("Georgia");
    await session.screenshot("analytics-events");
  });
});
