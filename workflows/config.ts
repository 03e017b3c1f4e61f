import { DEFAULT_NAMESPACE, DEFAULT_TASK_QUEUE } from "./constants";

/** Where Temporal is, read from the environment the start and test scripts set. */
export function temporalConfig(source: Record<string, string | undefined> = process.env) {
  const address = source.TEMPORAL_ADDRESS;
  if (!address) throw new Error("TEMPORAL_ADDRESS is not set: start the platform with `npm start`, or set it to host:port");
  return {
    address,
    namespace: source.TEMPORAL_NAMESPACE || DEFAULT_NAMESPACE,
    taskQueue: source.TEMPORAL_TASK_QUEUE || DEFAULT_TASK_QUEUE,
  };
}
