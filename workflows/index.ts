// Every workflow type the worker registers; the worker bundles this file (workflowsPath).
export { automation } from "./automation";
export { ping } from "./ping";
export { scheduledRun } from "./triggers/scheduled-run";
export { pollingTrigger } from "./triggers/polling";
export { appWebhookDelivery, appWebhookSubscribe, appWebhookUnsubscribe } from "./triggers/app-webhook";
export { editorCall } from "./editor-call";
