import { describe, expect, it } from "vitest";
import { referencedSteps } from "./template";
import { renameStepsInExpression, renameStepsInTemplate, renameStepsInValue } from "./rename";

const r = new Map([["a", "b"], ["find_user", "find_user_2"]]);

describe("renaming step references", () => {
  it("rewrites steps.<id> and steps['<id>'] in templates and expressions, leaving the rest of the text as written", () => {
    expect(renameStepsInTemplate("Hi {{steps.a.output}} and {{  steps[\"find_user\"].output.name  }}!", r)).toBe('Hi {{steps.b.output}} and {{  steps["find_user"].output.name  }}!'.replace('"find_user"', '"find_user_2"'));
    expect(renameStepsInExpression("steps.a.output.n > 1 && len(steps['a'].output) == 2", r)).toBe("steps.b.output.n > 1 && len(steps['b'].output) == 2");
  });

  it("does not touch look-alikes: a field named steps, text outside {{ }}, string literals, a longer id", () => {
    const t = "steps.a {{ item.steps.a }} {{ 'steps.a' }} {{ steps.ab.output }} {{ steps.a_1 }}";
    expect(renameStepsInTemplate(t, r)).toBe(t);
  });

  it("leaves text that does not parse unchanged", () => {
    expect(renameStepsInTemplate("{{ steps.a.output ", r)).toBe("{{ steps.a.output ");
    expect(renameStepsInExpression("steps.a +", r)).toBe("steps.a +");
  });

  it("rewrites simultaneously (a→b and b→c never chain) and agrees with the parser's view of references", () => {
    const swap = new Map([["a", "b"], ["b", "c"]]);
    const out = renameStepsInTemplate("{{ steps.a.x + steps.b.y }}", swap);
    expect(out).toBe("{{ steps.b.x + steps.c.y }}");
    expect([...referencedSteps(out)].sort()).toEqual(["b", "c"]);
  });

  it("walks JSON values and returns the same object when nothing refers to a renamed step", () => {
    const v = { keep: { x: "{{ steps.other }}" }, list: ["{{ steps.a }}", 3] };
    const out = renameStepsInValue(v, r) as typeof v;
    expect(out).toEqual({ keep: { x: "{{ steps.other }}" }, list: ["{{ steps.b }}", 3] });
    expect(out.keep).toBe(v.keep);
    expect(renameStepsInValue(v.keep, r)).toBe(v.keep);
    const proto = JSON.parse('{"__proto__": "{{ steps.a }}"}') as Record<string, unknown>;
    const renamed = renameStepsInValue(proto, r) as Record<string, unknown>;
    expect(Object.getPrototypeOf(renamed)).toBe(Object.prototype);
    expect(Object.keys(renamed)).toEqual(["__proto__"]);
  });
});
