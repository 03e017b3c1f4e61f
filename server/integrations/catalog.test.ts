import { describe, expect, it } from "vitest";
import { installAcme } from "../triggers/testing/install";
import { newUser } from "../testing/users";

describe("the editor's catalog", () => {
  it("lists an installed integration's triggers (polling and webhook) with their schemas, so the palette can offer them", async () => {
    const user = await newUser("Pat Palette");
    await installAcme(user.personalWorkspaceId);
    const catalog = await user.caller.integration.catalog({ workspaceId: user.personalWorkspaceId });
    const acme = catalog.find((e) => e.slug === "acme");
    expect(acme).toMatchObject({ name: "Acme", version: "1.0.0", actions: [] });
    expect(acme!.icon).toBeUndefined();
    expect(acme!.triggers.map((t) => [t.key, t.kind])).toEqual([
      ["new_order", "polling"],
      ["order_shipped", "webhook"],
    ]);
    for (const t of acme!.triggers) expect(t).toMatchObject({ name: expect.any(String), description: expect.any(String), input: expect.any(Object), output: expect.any(Object) });
    // The official integrations are there for every workspace, with their actions and (none) triggers.
    expect(catalog.find((e) => e.slug === "http-request")).toMatchObject({ triggers: [], actions: [{ key: "send_request" }] });
  });
});
