import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../../platform/paths";
import { STORY, chromiumPath, loadEveryPage, shown, useWebApp } from "../../helpers/web-app";

const DEFENDANTS = ["Ding Xiaoyang", "Cheng Qingmin", "Zhu Yunmin", "Wu Shurong"];

// Debian's Chromium drives the app and GraphiQL as `npm start` serves them after `npm run build`,
// over a fresh database: the seed's story, search in French, paging, an alias, the charts,
// GraphiQL; and no request to any host but the gateway's.
const app = useWebApp("browser");
const { open } = app;

// The app tells the seed's story, finds by French words and by alias, turns pages by cursor.
describe.skipIf(!chromiumPath)("web > browser > web app > story, search and paging", () => {
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
    // How long it took, as the API measures it (test/e2e/services/analytics.test.ts checks the figures).
    const facts = page.locator(".facts").first();
    expect(await facts.locator("div", { hasText: "First attributed" }).textContent()).toContain(
      "19 July 2021: 199 days after it was first observed (January 2021)",
    );
    expect(await facts.locator("div", { hasText: "First legal action" }).textContent()).toContain(
      "28 May 2021: 147 days after",
    );
    await app.session().screenshot("incident-page");
    // README's screenshot, down to Blinken's quotes: UPDATE_SCREENSHOTS=1 npx vitest run test/e2e/web/browser.test.ts
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(projectPath("docs", "screenshots"), { recursive: true });
      const path = projectPath("docs", "screenshots", "incident.png");
      await page.screenshot({
        path,
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height: 2400 },
      });
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
    await app.session().screenshot("search-piratage");
  });

  it("loads the next page by cursor: the home page's incidents, a search's statements", async () => {
    const { page } = await open();
    /** Clicks `button` and waits for `operation` with an `after` cursor and for more `items`. */
    async function loadsMore(operation: string, button: RegExp, items: string) {
      await shown(page.locator(items));
      const before = await page.locator(items).count();
      const nextPage = page.waitForRequest((request) => {
        const body = request.postDataJSON() as {
          operationName?: string;
          variables?: { after?: string };
        };
        return body?.operationName === operation && Boolean(body.variables?.after);
      });
      await page.getByRole("button", { name: button }).click();
      await nextPage;
      await page.waitForFunction(
        ([selector, count]) => document.querySelectorAll(selector).length > count,
        [items, before] as const,
      );
    }
    await page.goto("/app/");
    await loadsMore("LatestIncidents", /Load more incidents/, ".incident-list > li");
    // Most statements of the dataset speak of "cyber": more than one page of five.
    await page.goto("/app/search?q=cyber");
    await loadsMore("SearchStatements", /Load more statements/, "#statements-results ~ ul > li");
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
});

// The app's figures and record pages, on a phone and from the keyboard.
describe.skipIf(!chromiumPath)(
  "web > browser > web app > analytics, records, phone and keyboard",
  () => {
    it("draws the API's figures: median delays by group, attributions per year, pairs, incident by incident", async () => {
      const { page } = await open();
      await page.goto("/app/analytics");
      const perYear = page.locator("figure", { hasText: "Attributions per year" });
      await shown(perYear.locator(".recharts-bar-rectangle"));
      expect(await perYear.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(3);
      expect(await perYear.locator("tbody th", { hasText: "2021" }).count()).toBe(1);

      const medians = page.locator("figure", { hasText: "Median days to the first attribution" });
      await shown(medians.locator(".recharts-bar-rectangle"));
      expect(await medians.locator("tbody th").allTextContents()).toContain(
        "United States of America",
      );
      await page.getByLabel("Group the delays by").selectOption("ACCUSED_STATE");
      // The numbers' table is folded (<details>): there, not visible.
      await medians
        .locator("tbody th", { hasText: /Republic of China/ })
        .waitFor({ state: "attached", timeout: 20_000 });

      await shown(page.getByText("United Kingdom and United States of America:"));
      await shown(page.locator("table.delays tr"));
      await loadEveryPage(page);
      const exchange = page.locator("table.delays tr", {
        has: page.getByRole("link", { name: /Microsoft Exchange Server compromise/ }),
      });
      await shown(exchange);
      expect(await exchange.textContent()).toMatch(
        /199 days after it was first observed.*147 days/,
      );
      await app.session().screenshot("analytics");
    });

    it("shows a government's partners, attributions by year and nationals charged, and a legal action's court, dates and charges", async () => {
      const { page } = await open();
      await page.goto("/app/governments/gb");
      const partners = page.locator("section", { has: page.locator("#partners") });
      await shown(partners.getByRole("link", { name: "United States of America" }));
      await page.goto("/app/governments/cn");
      const received = page.locator("section", { has: page.locator("#attributions-received") });
      await shown(received.getByRole("region", { name: "2021" }));
      expect(
        await received
          .getByRole("region", { name: "2021" })
          .getByText(/blamed by/)
          .count(),
      ).toBeGreaterThan(0);
      const charged = page.locator("section", { has: page.locator("#nationals-charged") });
      await shown(charged.getByText("Ding Xiaoyang"));
      await charged
        .getByRole("link", { name: /United States v\. Ding Xiaoyang/ })
        .first()
        .click();
      await shown(page.getByRole("heading", { level: 1, name: /United States v\. Ding Xiaoyang/ }));
      const facts = page.locator(".legal-action .facts");
      for (const text of ["Southern District of California", "28 May 2021", "2011 – 2018"])
        expect(await facts.textContent(), text).toContain(text);
      expect(await page.locator(".charges li").allTextContents()).toEqual([
        expect.stringContaining("Conspiracy to commit computer fraud"),
        expect.stringContaining("Conspiracy to commit economic espionage"),
      ]);
      expect(await page.locator(".defendant-name").allTextContents()).toEqual(DEFENDANTS);
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
      await app.session().screenshot("incident-page-phone");

      // The figures too: charts and the incident-by-incident table fit the width.
      await page.goto("/app/analytics");
      await shown(page.locator("table.delays tr"));
      await loadEveryPage(page);
      await shown(page.locator("table.delays td", { hasText: "199 days" }));
      await shown(page.locator(".recharts-bar-rectangle"));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await app.session().screenshot("analytics-phone");
    });
  },
);

// A person charged in one action and listed by another, under two spellings: their page lists
// both, reached from a defendant of either.
describe.skipIf(!chromiumPath)("web > browser > web app > a person", () => {
  it("opens Zhang Shilong from the APT10 indictment and lists the indictment and the EU listing", async () => {
    const { page } = await open();
    await page.goto("/app/legal-actions/us-v-zhu-hua-2018");
    await (await shown(page.getByRole("link", { name: "Zhang Shilong", exact: true }))).click();
    await page.waitForURL("**/app/persons/zhang-shilong");
    // Exactly: the legal action's own heading ("... and Zhang Shilong") may still be on screen.
    await shown(page.getByRole("heading", { level: 1, name: "Zhang Shilong", exact: true }));
    const names = page.locator("section", { has: page.locator("#person-names") });
    expect(await names.getByText("張士龍").count()).toBe(1);
    expect(await names.textContent()).toContain(
      "used by U.S. Department of Justice, Council of the EU",
    );
    const roles = page.locator("section", { has: page.locator("#person-roles") });
    await shown(roles.locator("li h3"));
    expect(await roles.locator("li h3").allTextContents()).toEqual([
      "United States v. Zhu Hua and Zhang Shilong",
      expect.stringContaining("EU restrictive measures"),
    ]);
    const listing = roles.locator("li", { hasText: "EU restrictive measures" }).first();
    expect(await listing.textContent()).toMatch(/listed.*Named as “ZHANG Shilong”.*travel ban/s);
    expect(
      await roles.locator("li", { hasText: "United States v." }).first().textContent(),
    ).toMatch(/defendant.*Conspiracy to commit computer intrusions/s);
    await app.session().screenshot("person-page");
  });
});

// GraphiQL runs the README's story, and the landing page opens Sandbox or the local explorer.
describe.skipIf(!chromiumPath)("web > browser > GraphiQL and Sandbox", () => {
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
    await app.session().screenshot("graphiql", { fullPage: false });
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
    app.session().errors.length = 0;
  });
});
