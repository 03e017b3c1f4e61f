import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import type { Payload, PayloadCodec } from "@temporalio/common";

/**
 * Encrypts every Temporal payload (inputs, outputs, failure details) with AES-256-GCM, so Temporal's history
 * never holds plaintext run data. Used by the client (web process) and the worker alike; payloads that are
 * not ours (no encrypted encoding) pass through, so histories written before the codec still decode.
 */
export const ENCRYPTED_ENCODING = "binary/encrypted";
const KEY_ID = "junction-payload-key-1";
const enc = new TextEncoder();
const dec = new TextDecoder();

type Sealed = { m: Record<string, string>; d: string };

export function parsePayloadKey(base64: string | undefined): Buffer {
  if (!base64) throw new Error("JUNCTION_PAYLOAD_KEY is not set: `npm start` generates one in .data/payload-key");
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error(`JUNCTION_PAYLOAD_KEY must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return key;
}

export class EncryptionCodec implements PayloadCodec {
  // Imported once: every payload of every step passes through here, and a raw Buffer is re-imported per cipher.
  private readonly key: KeyObject;
  constructor(key: Buffer) {
    this.key = createSecretKey(key);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => {
      const sealed: Sealed = {
        m: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString("base64")])),
        d: Buffer.from(p.data ?? new Uint8Array()).toString("base64"),
      };
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", this.key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(sealed)), cipher.final()]);
      return {
        metadata: { encoding: enc.encode(ENCRYPTED_ENCODING), "encryption-key-id": enc.encode(KEY_ID) },
        data: Buffer.concat([iv, cipher.getAuthTag(), body]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => {
      const encoding = p.metadata?.encoding ? dec.decode(p.metadata.encoding) : "";
      if (encoding !== ENCRYPTED_ENCODING || !p.data) return p;
      const data = Buffer.from(p.data);
      const decipher = createDecipheriv("aes-256-gcm", this.key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const sealed = JSON.parse(Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString("utf8")) as Sealed;
      return {
        metadata: Object.fromEntries(Object.entries(sealed.m).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, "base64"))])),
        data: new Uint8Array(Buffer.from(sealed.d, "base64")),
      };
    });
  }
}
