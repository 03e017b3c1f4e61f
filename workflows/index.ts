// Every workflow type the worker registers; the worker bundles this file (workflowsPath).
export { automation } from "./automation";
export { ping } from "./ping";
export { editorCall } from "./editor-call";
