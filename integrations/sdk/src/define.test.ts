import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction, defineIntegration, ManifestError } from "./index";

const echo = defineAction({
  key: "echo",
  name: "Echo",
  description: "Returns its input",
  input: z.object({ text: z.string().min(1) }),
  output: z.object({ text: z.string() }),
  run: ({ input }) => ({ text: input.text }),
});

const base = { id: "echo-kit", name: "Echo kit", version: "1.0.0", author: "Junction", description: "Test integration" };

describe("defineIntegration", () => {
  it("exports action schemas as JSON Schema for the editor", () => {
    const { manifest, actions } = defineIntegration({ ...base, actions: [echo] });
    expect(manifest.actions[0]!.input).toMatchObject({ type: "object", properties: { text: { type: "string", minLength: 1 } }, required: ["text"] });
    expect(Object.keys(actions)).toEqual(["echo"]);
  });

  it("names every problem with its path", () => {
    try {
      defineIntegration({ ...base, id: "Bad Id", version: "1.0", actions: [{ ...echo, key: "Echo-Key" }] });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ManifestError);
      const problems = (err as ManifestError).problems;
      expect(problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/^id: use kebab-case/), expect.stringMatching(/^version: must be a semantic version/), expect.stringMatching(/^actions\.0\.key: use snake_case/)]),
      );
    }
  });

  it("refuses duplicate action keys", () => {
    expect(() => defineIntegration({ ...base, actions: [echo, echo] })).toThrow('Action key "echo" is defined twice in echo-kit');
  });
});
