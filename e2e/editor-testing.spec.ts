import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { openTestPanel } from "./editor-helpers";
import { OWN_PAGE_HEADERS } from "./own-page-headers";

// Testing from the editor, as a user would: a named fixture made with the form (no JSON typed), the unpublished
// draft tested with it, states and durations on the nodes, the step's output as a tree, searched; then one step
// tested on its own with the earlier step's output taken from that test.

// A run goes through Temporal and the worker on a 2-core machine shared with the build: give it time.
const RUN_FINISHES = { timeout: 45_000 };

async function signUp(page: Page) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Tess Tester");
  await page.getByLabel("Email").fill(`e2e-testing-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`amber-lantern-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** A tRPC call with the page's session, as the browser makes it (superjson envelope). */
async function trpc<T>(page: Page, path: string, json: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json }, headers: OWN_PAGE_HEADERS });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });
}

/** axe-core over the page as it stands, light and dark: no serious or critical WCAG 2.1 A/AA violation. */
async function axe(page: Page, name: string) {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.screenshot({ animations: "disabled" }); // settles colour transitions before axe reads colours
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const v of result.violations) {
      if (v.impact === "serious" || v.impact === "critical") found.push(`[${colorScheme}] ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  await page.emulateMedia({ colorScheme: null, reducedMotion: null });
  expect(found, `${name}: serious or critical accessibility violations`).toEqual([]);
}

const set = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input });

test("a fixture made with the form tests the unpublished draft: states and durations on the nodes, the output as a searchable tree, then one step alone", async ({ page }, testInfo) => {
  // Three test runs through Temporal and six screenshots, on a 2-core machine shared with the build.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const workspaceId = await signUp(page);
  const wf = await trpc<{ id: string }>(page, "workflow.create", { workspaceId, name: "Greeter under test" });
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger", position: { x: 0, y: 80 } },
      { ...set("lookup", { name: "{{ trigger.body.user.name }}", city: "{{ trigger.body.user.city }}", tags: ["vip", "early", "{{ trigger.body.user.city }}"] }), position: { x: 300, y: 80 } },
      { ...set("greet", { text: "Hello {{ steps.lookup.output.name }} from {{ steps.lookup.output.city }}", profile: "{{ steps.lookup.output }}" }), position: { x: 600, y: 80 } },
    ],
    edges: [
      { id: "start-lookup", source: "start", target: "lookup" },
      { id: "lookup-greet", source: "lookup", target: "greet" },
    ],
  };
  await trpc(page, "workflow.saveDraft", { workspaceId, workflowId: wf.id, draftRevision: 1, graph });
  await page.goto(`/w/${workspaceId}/workflows/${wf.id}`);
  const canvas = page.getByRole("region", { name: "Workflow canvas" });
  await expect(canvas.getByTestId("graph-node-greet")).toBeVisible();

  // The test panel opens under the canvas; a fixture is made field by field.
  const panel = await openTestPanel(page);
  await panel.getByRole("button", { name: "New fixture" }).click();
  const dialog = page.getByRole("dialog", { name: "New test fixture" });
  await dialog.getByLabel("Name").fill("Ada in London");
  await dialog.getByLabel("Field 1 path").fill("user.name");
  await dialog.getByLabel("Field 1 value").fill("Ada Lovelace");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await dialog.getByLabel("Field 2 path").fill("user.city");
  await dialog.getByLabel("Field 2 value").fill("London");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await dialog.getByLabel("Field 3 path").fill("user.age");
  await dialog.getByLabel("Field 3 type").selectOption("number");
  await dialog.getByLabel("Field 3 value").fill("thirty-six");
  await dialog.getByRole("button", { name: "Save fixture" }).click();
  // A bad row is named beside it, and nothing is sent.
  await expect(dialog.getByText('"thirty-six" is not a number')).toBeVisible();
  await dialog.getByLabel("Field 3 value").fill("36");
  await dialog.getByRole("button", { name: "Save fixture" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId("fixture-select")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(panel.getByTestId("fixture-provenance")).toContainText("entered by hand, against draft revision 2, by Tess Tester");

  // The draft has never been published: the test runs it all the same.
  await panel.getByRole("button", { name: "Test workflow" }).click();
  await expect(canvas.getByTestId("graph-node-greet")).toHaveAttribute("data-state", "succeeded", RUN_FINISHES);
  await expect(canvas.getByTestId("graph-node-lookup")).toHaveAttribute("data-state", "succeeded");
  // The trigger's data is the fixture's: test data, and labelled so.
  await expect(canvas.getByTestId("graph-node-start")).toHaveAttribute("data-state", "pinned");
  await expect(canvas.getByTestId("node-duration-greet")).toHaveText(/\d+(\.\d)? (ms|s)/);
  await expect(panel.getByTestId("test-run-summary")).toContainText('of the draft with fixture "Ada in London"');

  await canvas.getByTestId("graph-node-greet").click();
  const output = panel.getByTestId("result-output");
  await expect(output.getByRole("list", { name: "Output of greet" })).toContainText('"Hello Ada Lovelace from London"');
  await output.getByLabel("Search Output of greet").fill("london");
  await expect(panel.getByTestId("result-output-matches")).toHaveText("3 matches");
  await expect(output.locator("mark").first()).toHaveText(/london/i);
  // The list of tags starts collapsed (two levels open); the search opens it to show the match inside.
  await expect(output.locator("mark")).toHaveCount(3);
  await shoot(page, testInfo, "editor-test-results");
  await axe(page, "editor with test results");

  // "Test this step": greet alone, lookup's output taken from the test just run (shown as test data, not run).
  await panel.getByRole("button", { name: "Test this step" }).click();
  await expect(panel.getByTestId("test-run-summary")).toContainText('of step "greet"', RUN_FINISHES);
  await expect(canvas.getByTestId("graph-node-greet")).toHaveAttribute("data-state", "succeeded", RUN_FINISHES);
  await expect(canvas.getByTestId("graph-node-lookup")).toHaveAttribute("data-state", "pinned");
  await canvas.getByTestId("graph-node-lookup").click();
  await expect(panel.getByTestId("result-pinned")).toContainText("the sample run's");
  await shoot(page, testInfo, "editor-test-step");

  // Its run page says it is a test and which steps test data stood in for.
  await panel.getByTestId("test-run-summary").getByRole("link").click();
  await expect(page.getByTestId("test-data-note")).toContainText('with test fixture "Ada in London" as its trigger data. Not a production run. Test data stood in for lookup');
  // Its fixture data is never re-run as a production run: the button is not offered (and the server refuses).
  await expect(page.getByRole("button", { name: "Re-run on latest" })).toHaveCount(0);
  await shoot(page, testInfo, "editor-test-run-view");
});
