import { describe, expect, it } from "vitest";
import { STORY, chromiumPath, shown, useWebApp } from "../../helpers/web-app";

// What an analyst reads closely: the joint-attribution chart on a phone, confidence badges, a
// quote's language label, and panels as tall as what they hold.
const app = useWebApp("browser-details");

describe.skipIf(!chromiumPath)("web > browser > web app > details", () => {
  it("draws the joint-attribution chart's pair names on a phone whole and apart", async () => {
    const { page } = await app.open({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto("/app/analytics");
    const chart = page.locator("figure", { hasText: "Incidents attributed together" });
    await shown(chart.locator(".recharts-bar-rectangle"));
    const figure = (await chart.boundingBox())!;
    const labels = await chart.locator(".recharts-yAxis-tick-labels text").evaluateAll((elements) =>
      elements.map((element) => {
        const { top, bottom, left, right } = element.getBoundingClientRect();
        const lines = [...element.querySelectorAll("tspan")].map((line) => line.textContent);
        return { text: lines.join(" "), top, bottom, left, right };
      }),
    );
    const names = await chart.locator("tbody th").allTextContents();
    // Every pair's name whole, in the order of the table.
    expect(labels.map((label) => label.text)).toEqual(names);
    expect(names).toContain("United Kingdom + United States of America");
    for (const [index, label] of labels.entries()) {
      expect(label.left, label.text).toBeGreaterThanOrEqual(figure.x);
      expect(label.right, label.text).toBeLessThanOrEqual(figure.x + figure.width);
      if (index > 0) expect(label.top, label.text).toBeGreaterThan(labels[index - 1].bottom);
    }
    await app.session().screenshot("joint-attributions-phone");
  });

  it("reads confidence badges one way: level in sentence case, then the score", async () => {
    const { page } = await app.open();
    await page.goto(STORY);
    const badges = page.locator(".confidence .level");
    await shown(badges);
    // innerText: as displayed, after any CSS text-transform.
    const texts = await badges.evaluateAll((elements) =>
      elements.map((element) => (element as HTMLElement).innerText),
    );
    expect(texts).toContain("High · 85/100");
    expect(texts).toContain("Very high · 95/100");
    for (const text of texts) expect(text).toMatch(/^(Low|Moderate|High|Very high)( · \d+\/100)?$/);
    await page.goto("/app/governments/us");
    const made = page.locator("section", { has: page.locator("#attributions-made") });
    await shown(made.locator(".badge", { hasText: "/100" }));
    for (const text of await made.locator(".badge", { hasText: "/100" }).allInnerTexts()) {
      expect(text).toMatch(/^(Low|Moderate|High|Very high) · \d+\/100$/);
    }
  });

  it("labels a quote found only in a French article as reported, not as spoken", async () => {
    const { page } = await app.open();
    await page.goto("/app/search?q=piratage");
    const quote = page.locator(".quote", {
      has: page.locator('blockquote[lang="fr"]', { hasText: "campagne mondiale de piratage" }),
    });
    await shown(quote);
    const label = await quote.locator("figcaption").innerText();
    expect(label).toBe("French, as a source reported it: the English original is not on record");
    // A quote in its statement's own language is the original.
    await page.goto(STORY);
    const original = page.locator(".quote", {
      has: page.locator('blockquote[lang="en"]', { hasText: "ecosystem of criminal" }),
    });
    await shown(original);
    expect(await original.locator("figcaption").innerText()).toContain("English, original");
  });

  it("keeps an empty “Attributions made” panel as short as its content", async () => {
    const { page } = await app.open({ viewport: { width: 1280, height: 900 } });
    await page.goto("/app/governments/cn");
    const made = page.locator("section", { has: page.locator("#attributions-made") });
    const received = page.locator("section", { has: page.locator("#attributions-received") });
    await shown(made.getByText("None on record."));
    await shown(received.getByRole("region", { name: "2021" }));
    const [madeBox, receivedBox] = [(await made.boundingBox())!, (await received.boundingBox())!];
    // Side by side on a desktop, and the empty one no taller than a heading and a line.
    expect(madeBox.y).toBe(receivedBox.y);
    expect(receivedBox.height).toBeGreaterThan(400);
    expect(madeBox.height).toBeLessThan(200);
  });

  it("shows where an actor is said to operate from and who says so, apart from its sponsor", async () => {
    const { page } = await app.open();
    await page.goto("/app/actors/hafnium");
    const origin = page.locator(".suspected-origin");
    await shown(origin);
    expect(await origin.innerText()).toMatch(
      /^Suspected origin: People’s Republic of China · according to Microsoft Threat Intelligence Center \(source\)$/,
    );
    expect(await origin.getByRole("link", { name: "source" }).getAttribute("href")).toContain(
      "grcworldforums.com",
    );
    // Curated aliases name who coined them where a cited source says so.
    await page.goto("/app/actors/apt40");
    const alias = page.locator(".aliases-list li", { hasText: "BRONZE MOHAWK" });
    await shown(alias);
    expect(await alias.innerText()).toBe("BRONZE MOHAWK named by Secureworks");
  });

  it('lists the Exchange hack first when searching "Exchange", REvil after it', async () => {
    const { page } = await app.open();
    await page.goto("/app/search?q=Exchange");
    const incidents = page.locator("section", { has: page.locator("#incidents-results") });
    const names = incidents.getByRole("heading", { level: 3 });
    await shown(names);
    const listed = await names.allTextContents();
    expect(listed[0]).toMatch(/Microsoft Exchange/);
    expect(listed.some((name) => /REvil/.test(name))).toBe(true);
  });
});
