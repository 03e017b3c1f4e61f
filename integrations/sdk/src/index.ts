export { defineAction, defineIntegration, type ActionContext, type ActionDefinition } from "./define";
export { manifestSchema, parseManifest, ManifestError, type Manifest, type ManifestInput } from "./manifest";
