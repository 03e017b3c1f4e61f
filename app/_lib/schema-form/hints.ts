import type { FieldHints } from "./fields";

/**
 * Widgets for fields of manifests published before they could name one (versions are immutable, so the hint
 * cannot be added to them): the Code step's `code` is JavaScript. Keyed "<integration>/<action>". A later
 * version of an integration says it itself, with .meta({ "x-junction-widget": "code" }).
 */
export const CODE_STEP_HINTS: Record<string, FieldHints> = {
  "code/run_code": { code: { widget: "code", language: "javascript" } },
};

export function hintsFor(integration: string, action: string): FieldHints | undefined {
  return CODE_STEP_HINTS[`${integration}/${action}`];
}
