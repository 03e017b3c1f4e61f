// Names shared by the web process, the worker and the tests; never spelled twice.
export const DEFAULT_TASK_QUEUE = "junction";
export const DEFAULT_NAMESPACE = "default";
