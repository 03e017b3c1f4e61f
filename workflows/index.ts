// Every workflow type the worker registers; the worker bundles this file (workflowsPath). Imported by the `@/` alias:
// the bundler resolves it through workflowBundlerOptions (bundle-options.ts), and this file proves it does.
export { automation } from "@/workflows/automation";
export { ping } from "@/workflows/ping";
export { scheduledRun } from "@/workflows/triggers/scheduled-run";
export { pollingTrigger } from "@/workflows/triggers/polling";
export { appWebhookDelivery, appWebhookSubscribe, appWebhookUnsubscribe } from "@/workflows/triggers/app-webhook";
export { editorCall } from "@/workflows/editor-call";
