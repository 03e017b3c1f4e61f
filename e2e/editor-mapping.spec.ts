import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { OWN_PAGE_HEADERS } from "./own-page-headers";

// Issue 12 item 6, data mapping: a workflow seeded over tRPC (webhook trigger → HTTP Request), a real delivery
// to its hook so the latest run is a sample, then the HTTP Request's URL mapped from the trigger's body with the
// picker (opened from the keyboard, searched, clicked: no "{{" typed), its preview showing the delivered value.

const RUN_FINISHES = { timeout: 60_000 };

async function signUp(page: Page) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Mapa Picker");
  await page.getByLabel("Email").fill(`e2e-mapping-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`willow-harbor-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** tRPC over HTTP with the page's session, as the browser calls it (superjson's { json } envelope). */
function trpc(request: APIRequestContext) {
  const unwrap = async (res: Awaited<ReturnType<APIRequestContext["get"]>>) => {
    const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: unknown };
    expect(res.status(), JSON.stringify(body.error ?? null)).toBe(200);
    return body.result!.data.json;
  };
  return {
    mutate: async (path: string, json: unknown) => unwrap(await request.post(`/api/trpc/${path}`, { data: { json }, headers: OWN_PAGE_HEADERS })),
    query: async (path: string, json: unknown) => unwrap(await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json }))}`)),
  };
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });
}

test("the HTTP Request's URL is mapped from the delivered body with the picker, previewed with the delivered value, and saved", async ({ page }, testInfo) => {
  // A real run through Temporal and the worker first, on a 2-core machine shared with builds.
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const workspaceId = await signUp(page);
  const api = trpc(page.request);

  const wf = (await api.mutate("workflow.create", { workspaceId, name: "Greet by name" })) as { id: string };
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger", trigger: "webhook", webhook: { verification: { preset: "none" } }, position: { x: 0, y: 0 } },
      { id: "greet", kind: "action", label: "Greet", action: { integration: "http-request", version: "1.2.0", key: "send_request" }, input: { method: "POST", url: "https://example.com/hello" }, position: { x: 280, y: 0 } },
    ],
    edges: [{ id: "start-greet", source: "start", target: "greet" }],
  };
  await api.mutate("workflow.saveDraft", { workspaceId, workflowId: wf.id, draftRevision: 1, graph });
  const hook = (await api.mutate("webhook.create", { workspaceId, workflowId: wf.id })) as { path: string };
  await api.mutate("workflow.publish", { workspaceId, workflowId: wf.id, message: "v1" });
  await api.mutate("workflow.setActive", { workspaceId, workflowId: wf.id, active: true });

  // A real delivery: its run (whatever the HTTP call does) records the trigger's data, the picker's sample.
  const delivered = await page.request.post(hook.path, { data: { name: "Ada Lovelace", plan: "pro" } });
  expect(delivered.status()).toBe(202);
  await expect
    .poll(async () => ((await api.query("run.list", { workspaceId, workflowId: wf.id, limit: 1 })) as { status: string }[])[0]?.status, RUN_FINISHES)
    .toMatch(/^(succeeded|failed)$/);

  await page.goto(`/w/${workspaceId}/workflows/${wf.id}`);
  const inspector = page.getByTestId("node-inspector");
  // Chosen on the canvas once it is drawn: a choice made in the server-rendered select before hydration is lost.
  await page.getByRole("region", { name: "Workflow canvas" }).getByTestId("graph-node-greet").click();
  const url = inspector.getByLabel("URL", { exact: true });
  // The form is drawn once the workspace's catalog (the step's JSON Schemas) has loaded.
  await expect(url).toHaveValue("https://example.com/hello", { timeout: 30_000 });

  // The caret at the end, a plain "?name=" typed, then the picker from the keyboard (Ctrl+Space).
  await url.click();
  await url.press("End");
  await url.pressSequentially("?name=");
  await url.press("Control+Space");
  const picker = page.getByRole("dialog", { name: "Insert data from earlier steps" });
  await expect(picker).toBeVisible();
  await expect(picker).toContainText("Values from the latest run of version 1");
  // The trigger is listed with its declared fields (method, headers, …) and the sample's body fields, typed, with values.
  const tree = picker.getByRole("tree", { name: "Fields you can insert" });
  await expect(tree.getByRole("treeitem", { name: "Trigger (start)" })).toBeVisible();
  await expect(tree.locator('[data-expression="trigger.method"]')).toContainText('"POST"');
  await picker.getByRole("button", { name: "Expand body" }).click();
  await expect(tree.locator('[data-expression="trigger.body.name"]')).toContainText("text");
  await expect(tree.locator('[data-expression="trigger.body.name"]')).toContainText('"Ada Lovelace"');
  await shoot(page, testInfo, "editor-mapping-picker");

  // Searched, then picked with a click: the reference goes in at the caret.
  await picker.getByLabel("Search fields").fill("name");
  await picker.locator('[data-expression="trigger.body.name"]').click();
  await expect(picker).toBeHidden();
  await expect(url).toHaveValue("https://example.com/hello?name={{ trigger.body.name }}");
  await expect(url).toBeFocused();
  const preview = inspector.getByTestId("template-preview").first();
  await expect(preview.getByTestId("template-preview-value")).toHaveText("https://example.com/hello?name=Ada Lovelace");
  await shoot(page, testInfo, "editor-mapping-preview");

  // A second field, searched and taken with Enter.
  await url.press("End");
  await url.press("Control+Space");
  await picker.getByLabel("Search fields").fill("plan");
  await picker.getByLabel("Search fields").press("Enter");
  await expect(url).toHaveValue("https://example.com/hello?name={{ trigger.body.name }}{{ trigger.body.plan }}");
  await expect(preview.getByTestId("template-preview-value")).toHaveText("https://example.com/hello?name=Ada Lovelacepro");
  await expect(preview.getByTestId("template-warning")).toHaveCount(0);

  // Dragged: a field from the picker dropped into another template field (a header's value) lands there.
  await inspector.getByRole("button", { name: "Add header" }).click();
  await inspector.getByLabel("Headers key 1").fill("X-Plan");
  const header = inspector.getByLabel("Headers: X-Plan");
  // Some text first: a header with an empty value is not stored, and the autosaved draft would drop its row.
  await header.fill("Plan ");
  await header.click();
  await header.press("Control+Space");
  await picker.getByLabel("Search fields").fill("plan");
  await picker.locator('[data-expression="trigger.body.plan"]').dragTo(header);
  // Dropped past the end of the text: it goes in at the end.
  await expect(header).toHaveValue("Plan {{ trigger.body.plan }}");
  await page.keyboard.press("Escape");

  // Saved: the draft holds the reference, and after a reload the preview is there again.
  // The editor autosaves; Ctrl+S saves at once whatever is left.
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("draft-state")).toHaveText("Saved", { timeout: 30_000 });
  const saved = (await api.query("workflow.get", { workspaceId, workflowId: wf.id })) as { draftGraph: { nodes: { id: string; input?: { url?: string } }[] }; draftProblems: unknown[] };
  expect(saved.draftGraph.nodes.find((n) => n.id === "greet")?.input?.url).toBe("https://example.com/hello?name={{ trigger.body.name }}{{ trigger.body.plan }}");
  expect(saved.draftGraph.nodes.find((n) => n.id === "greet")?.input).toMatchObject({ headers: { "X-Plan": "Plan {{ trigger.body.plan }}" } });
  expect(saved.draftProblems).toEqual([]);
  await page.reload();
  await inspector.getByLabel("Node", { exact: true }).selectOption("greet");
  await expect(inspector.getByTestId("template-preview-value").first()).toHaveText("https://example.com/hello?name=Ada Lovelacepro");

  // As you type: a field the sample lacks is a warning; a step's own output is an error (the server's own message).
  await url.fill("https://example.com/{{ trigger.body.email }}/{{ steps.greet.output.status }}");
  await expect(inspector.getByTestId("template-warning")).toHaveText('The sample has no "body.email" in the trigger\'s data');
  await expect(inspector.getByTestId("template-problem")).toHaveText('A step cannot read its own output ("steps.greet")');
  await url.fill("https://example.com/{{ trigger.body.name ");
  await expect(inspector.getByTestId("template-preview-error")).toHaveText(/"\{\{" at position 21 is never closed/);
});
