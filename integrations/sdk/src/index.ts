export { defineAction, defineIntegration, type ActionDefinition, type AnyAction, type Integration, type IntegrationInput, type Option, type OptionsContext, type OptionsLoader } from "./define";
export { defineConnection, type ConnectionDefinition, type ConnectionSpec, type ConnectionTest, type OAuth2Settings } from "./connection";
export { defineTrigger, type AnyTrigger, type PollingTrigger, type TriggerDefinition, type WebhookRequest, type WebhookTrigger } from "./trigger";
export { toSandboxEntry, entryOf, type SandboxRegistry } from "./sandbox-entry";
export { AuthenticationError, ConnectionError, InputValidationError, OutputValidationError, PermanentError, RetryableError, UnknownEntryError, type StepErrorOptions } from "./errors";
export { base64, formEncode, utf8Bytes, withQuery } from "./encoding";
export type { ActionContext, ConnectionValue, HttpClient, HttpRequestInit, HttpResponse, Log, RunInfo, SandboxContext, Secrets, Signer, Store } from "./context";
export { manifestOf } from "./manifest-of";
export { manifestSchema, parseManifest, ManifestError, actionManifest, connectionManifest, triggerManifest, webhookManifest, CAPABILITIES, type Manifest, type ManifestInput } from "./manifest";
