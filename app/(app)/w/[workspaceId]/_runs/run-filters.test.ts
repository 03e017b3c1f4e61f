import { describe, expect, it } from "vitest";
import { filtersFrom, filtersToQuery, listInput } from "./run-filters";

describe("run filters", () => {
  it("round-trip through the URL and drop defaults and junk", () => {
    const f = filtersFrom(new URLSearchParams("status=failed&kind=test&range=24h&version=v1&bogus=1"));
    expect(f).toEqual({ status: "failed", kind: "test", versionId: "v1", workflowId: "", range: "24h" });
    expect(filtersFrom(new URLSearchParams(filtersToQuery(f).slice(1)))).toEqual(f);
    expect(filtersFrom(new URLSearchParams("status=exploded&kind=weird&range=forever"))).toEqual({ status: "", kind: "all", versionId: "", workflowId: "", range: "any" });
    expect(filtersToQuery(filtersFrom(new URLSearchParams()))).toBe("");
  });

  it("turn into a list input whose time range start is stable within a minute", () => {
    const f = filtersFrom(new URLSearchParams("range=1h&status=running"));
    const at = Date.parse("2026-03-01T10:00:10Z");
    const a = listInput(f, at, {});
    const b = listInput(f, at + 40_000, {});
    expect(a.from).toEqual(new Date("2026-03-01T09:00:00Z"));
    expect(b.from).toEqual(a.from);
    expect(a.status).toEqual(["running"]);
    expect(listInput(filtersFrom(new URLSearchParams()), at, {}).from).toBeUndefined();
  });

  it("apply a version only within one workflow, and the page's own workflow wins over the URL's", () => {
    const f = filtersFrom(new URLSearchParams("version=v9&workflow=w-url"));
    expect(listInput(f, 0, { workflowId: "w-page" })).toMatchObject({ workflowId: "w-page", versionId: "v9" });
    expect(listInput({ ...f, workflowId: "" }, 0, {})).toMatchObject({ workflowId: undefined, versionId: undefined });
  });
});
