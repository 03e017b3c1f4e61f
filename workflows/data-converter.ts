import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultPayloadConverter, type DataConverter, type LoadedDataConverter } from "@temporalio/common";
import { EncryptionCodec, parsePayloadKey } from "./codec";
import { failureConverter } from "./failure-converter";

/**
 * The worker's data converter: encrypted payloads, failures with encoded messages. The worker needs the failure
 * converter as a path, because it is bundled into the workflow sandbox.
 */
export function workerDataConverter(key: string | undefined = process.env.JUNCTION_PAYLOAD_KEY): DataConverter {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return { payloadCodecs: [new EncryptionCodec(parsePayloadKey(key))], failureConverterPath: path.join(here, "failure-converter.ts") };
}

/**
 * The client's: the same converters as objects, not paths, since inside the Next.js server bundle a source path
 * means nothing. The client uses a loaded converter as it is.
 */
export function clientDataConverter(key: string | undefined = process.env.JUNCTION_PAYLOAD_KEY): DataConverter {
  const loaded: LoadedDataConverter = { payloadConverter: defaultPayloadConverter, failureConverter, payloadCodecs: [new EncryptionCodec(parsePayloadKey(key))] };
  return loaded as unknown as DataConverter;
}
