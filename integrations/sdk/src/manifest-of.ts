import { actionManifestOf } from "./action";
import { connectionManifestOf } from "./connection";
import type { Integration } from "./define";
import { parseManifest, type Manifest } from "./manifest";
import { triggerManifestOf } from "./trigger";

/**
 * The validated manifest of an integration, schemas exported as JSON Schema for the editor. Throws
 * ManifestError listing every problem with its path. Used by `junction build` and tests, never in the sandbox.
 */
export function manifestOf(integration: Integration): Manifest {
  const def = integration.definition;
  return parseManifest({
    ...def,
    actions: Object.values(integration.actions).map(actionManifestOf),
    triggers: Object.values(integration.triggers).map(triggerManifestOf),
    connections: Object.values(integration.connections).map(connectionManifestOf),
  });
}
