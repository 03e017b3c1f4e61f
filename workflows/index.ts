// Every workflow type the worker registers; the worker bundles this file (workflowsPath).
export { ping } from "./ping";
