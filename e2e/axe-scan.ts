import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/**
 * An axe-core scan of the page as it is, in light and in dark mode (a screenshot of each kept with the test's
 * results): no serious or critical violation of WCAG 2.1 A/AA. The report names each rule and the elements that
 * break it, so a failure says what to fix.
 */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** `within`: a CSS selector to scan only that part (a form), so another part's problems are reported by its own test. */
export async function scan(page: Page, testInfo: TestInfo, name: string, within?: string) {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    // Colours change with a transition: the screenshot finishes it (animations disabled), so axe reads the settled colours.
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), animations: "disabled" });
    const builder = new AxeBuilder({ page }).withTags(WCAG);
    const result = await (within ? builder.include(within) : builder).analyze();
    for (const v of result.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      const where = v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`);
      found.push(`[${colorScheme}] ${v.id} (${v.impact}): ${v.help}\n    ${where.join("\n    ")}`);
    }
  }
  await page.emulateMedia({ colorScheme: null, reducedMotion: null });
  expect.soft(found, `${name}: serious or critical accessibility violations`).toEqual([]);
}
