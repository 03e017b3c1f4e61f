import { expect, test, type Page } from "@playwright/test";
import { createFirstWorkflow, jsonDraft } from "./editor-helpers";

// The step configuration form: an HTTP Request step (the official integration, seeded by the migration) filled
// in through fields drawn from its manifest's JSON Schema, checked as you type by the server's own rules,
// saved, and read back after a reload.

async function signUpWithWorkflow(page: Page, name: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Forma Field");
  await page.getByLabel("Email").fill(`e2e-form-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`granite-harbor-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await createFirstWorkflow(page, name);
}

test("an HTTP Request step is configured through its form: inline errors as you type, saved, and there after a reload", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, "Form filled");

  // The step itself is placed through the JSON view (adding nodes on the canvas is another change); its input is empty.
  const skeleton = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger" },
      { id: "call", kind: "action", action: { integration: "http-request", version: "1.2.0", key: "send_request" }, input: {} },
    ],
    edges: [{ id: "start-call", source: "start", target: "call" }],
  };
  await (await jsonDraft(page)).fill(JSON.stringify(skeleton, null, 2));
  const inspector = page.getByTestId("node-inspector");
  await inspector.getByLabel("Node", { exact: true }).selectOption("call");

  const url = inspector.getByLabel("URL", { exact: true });
  await expect(url).toBeVisible();
  await url.fill("ftp://example.com/items");
  await url.blur();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/"url" does not match the expected form/);

  // A reference mixed into the text is accepted (it resolves at run time) and drawn as a chip.
  await url.fill("https://example.com/items/{{ trigger.body.id }}");
  await expect(url).not.toHaveAttribute("aria-invalid", "true");
  await expect(inspector.getByTestId("template-ref")).toHaveText("{{ trigger.body.id }}");

  await inspector.getByLabel("Method", { exact: true }).selectOption({ label: "POST" });
  await inspector.getByRole("button", { name: "Add header" }).click();
  await inspector.getByLabel("Headers key 1").fill("Accept");
  await inspector.getByLabel("Headers: Accept").fill("application/json");
  await inspector.getByLabel("Fail on HTTP error").uncheck();

  await inspector.getByRole("tab", { name: "Settings" }).click();
  await inspector.getByLabel("Attempts").fill("0");
  await expect(inspector.getByLabel("Attempts")).toHaveAttribute("aria-invalid", "true");
  await inspector.getByLabel("Attempts").fill("5");
  await expect(inspector.getByLabel("Attempts")).not.toHaveAttribute("aria-invalid", "true");
  await inspector.getByRole("radio", { name: /Continue/ }).check();
  await inspector.getByRole("tab", { name: "Settings" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/step-config-settings-light.png" });
  await inspector.getByRole("tab", { name: "Input" }).click();

  // The JSON view is the same draft: what the form wrote is there.
  const json = await jsonDraft(page);
  await expect(json).toHaveValue(/"url": "https:\/\/example.com\/items\/\{\{ trigger.body.id \}\}"/);
  await expect(json).toHaveValue(/"Accept": "application\/json"/);

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await inspector.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/step-config-${scheme}.png`, fullPage: false });
  }
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");

  await page.reload();
  // Chosen on the canvas once it is drawn: a choice made in the server-rendered select before hydration is lost.
  await page.getByRole("region", { name: "Workflow canvas" }).getByTestId("graph-node-call").click();
  await expect(inspector.getByLabel("URL", { exact: true })).toHaveValue("https://example.com/items/{{ trigger.body.id }}");
  await expect(inspector.getByLabel("Method", { exact: true }).locator("option:checked")).toHaveText("POST");
  await expect(inspector.getByLabel("Headers: Accept")).toHaveValue("application/json");
  await expect(inspector.getByLabel("Fail on HTTP error")).not.toBeChecked();
  await inspector.getByRole("tab", { name: "Settings" }).click();
  await expect(inspector.getByLabel("Attempts")).toHaveValue("5");
  await expect(inspector.getByRole("radio", { name: /Continue/ })).toBeChecked();
});

test("a Code step's code is edited in a highlighted editor, and a loop and a stop get their own forms", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, "Coded");
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger" },
      { id: "each", kind: "loop", items: "{{ trigger.body.items }}" },
      { id: "double", kind: "action", action: { integration: "code", version: "1.0.0", key: "run_code" }, input: {} },
      { id: "end", kind: "stop", outcome: "success" },
    ],
    edges: [
      { id: "e1", source: "start", target: "each" },
      { id: "e2", source: "each", sourceHandle: "each", target: "double" },
      { id: "e3", source: "each", sourceHandle: "done", target: "end" },
    ],
  };
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  const inspector = page.getByTestId("node-inspector");
  await inspector.getByLabel("Node", { exact: true }).selectOption("double");
  const code = inspector.getByLabel("Code", { exact: true });
  await code.fill("// double it\nreturn inputs.n * 2;");
  await expect(inspector.locator("[data-language=javascript] pre")).toContainText("return inputs.n * 2;");
  await expect(inspector.locator("[data-language=javascript] pre span.italic")).toHaveText("// double it");

  await page.emulateMedia({ colorScheme: "dark" });
  await code.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/step-config-code-dark.png" });
  await page.emulateMedia({ colorScheme: "light" });

  await inspector.getByLabel("Node", { exact: true }).selectOption("each");
  await inspector.getByLabel("Items").fill("");
  await inspector.getByLabel("Items").blur();
  await expect(inspector.getByLabel("Items")).toHaveAccessibleDescription(/Say which list to loop over/);
  await inspector.getByLabel("Items").fill("{{ trigger.body.items }}");
  await inspector.getByLabel("Concurrency").fill("4");

  await inspector.getByLabel("Node", { exact: true }).selectOption("end");
  await inspector.getByRole("radio", { name: /Fail/ }).check();
  await inspector.getByRole("textbox", { name: "Message" }).fill("Stopped after {{ steps.each.output }}");

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  const json = await jsonDraft(page);
  await expect(json).toHaveValue(/"code": "\/\/ double it\\nreturn inputs.n \* 2;"/);
  await expect(json).toHaveValue(/"concurrency": 4/);
  await expect(json).toHaveValue(/"outcome": "error"/);
});
