import { describe, expect, it } from "vitest";
import { MAX_WARNINGS, mappingWarnings } from "./reference-warnings";

describe("mappingWarnings", () => {
  it("names the field (nested, in lists) and the reference; reading a failed step's error is not warned about", () => {
    const input = { to: ["{{ steps.gone.output.email }}", "x"], body: { text: "Hi {{ steps.broke.output.name }} ({{ steps.broke.output.error.message }})" }, ok: "{{ steps.fine.output }}" };
    const w = mappingWarnings(input, { gone: "skipped", broke: "failed" });
    expect(w.map((x) => [x.field, x.reference, x.why])).toEqual([
      ["input.to[0]", "steps.gone.output.email", "skipped"],
      ["input.body.text", "steps.broke.output.name", "failed"],
    ]);
  });

  it("says nothing without skipped or failed steps, leaves unparsable templates to the step, and keeps to its bounds", () => {
    expect(mappingWarnings({ a: "{{ steps.x.output }}" }, {})).toEqual([]);
    expect(mappingWarnings({ a: "{{ steps.x.output ", b: "{{ steps.x.output.id }}" }, { x: "skipped" }).map((w) => w.field)).toEqual(["input.b"]);
    // The same reference twice in one field is one warning; many fields stop at MAX_WARNINGS.
    expect(mappingWarnings({ a: "{{ steps.x.output.id }}-{{ steps.x.output.id }}" }, { x: "skipped" })).toHaveLength(1);
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, "{{ steps.x.output.id }}"]));
    expect(mappingWarnings(many, { x: "skipped" })).toHaveLength(MAX_WARNINGS);
  });
});
