"use client";
import { useId } from "react";
import { presetOf, withMethod, withPreset, withSetting, type Raw } from "@/app/_lib/trigger-form/trigger-node";
import { MAX_WEBHOOK_BODY_BYTES, WEBHOOK_METHODS, type VerificationPreset } from "@/workflows/graph/webhook-config";
import { PRESETS, WebhookSection } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_triggers/webhook-section";
import { NumberSetting, RadioSetting, SelectSetting } from "./plain-fields";
import { TextSetting } from "./text-setting";

type Props = { node: Raw; onChange: (next: Raw) => void; issues: Map<string, string>; readOnly: boolean };

const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

const BODY = [
  { value: "json", label: "JSON (application/json)" },
  { value: "form", label: "Form (application/x-www-form-urlencoded)" },
  { value: "text", label: "Text (text/*)" },
  { value: "binary", label: "Binary (any type, passed as base64)" },
];

/**
 * A webhook trigger: its live URL (copy, rotate, disable) and secret, then its settings, which are part of the
 * draft (save and publish to apply): methods, body, response mode, verification and limits. Problems come from
 * the schema the server checks (workflows/graph/webhook-config.ts), keyed "webhook.<path>".
 */
export function WebhookForm({ node, onChange, issues, readOnly }: Props) {
  const id = useId();
  const w = isObject(node.webhook) ? node.webhook : {};
  const verification = isObject(w.verification) ? w.verification : {};
  const limits = isObject(w.limits) ? w.limits : {};
  const preset = presetOf(node);
  const methods = Array.isArray(w.methods) ? w.methods : ["POST"];
  const put = (path: string[], v: unknown) => onChange(withSetting(node, ["webhook", ...path], v));
  const err = (path: string) => issues.get(`webhook.${path}`);
  const methodsError = err("methods");
  const mode = w.mode === "sync" ? "sync" : "async";

  return (
    <div className="space-y-5">
      <WebhookSection preset={preset} />
      <section className="space-y-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <fieldset aria-describedby={methodsError ? `${id}-methods-error` : undefined}>
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Methods</legend>
          <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1">
            {WEBHOOK_METHODS.map((m) => (
              <label key={m} className="flex items-center gap-1.5 font-mono text-xs">
                <input type="checkbox" checked={methods.includes(m)} disabled={readOnly} onChange={(e) => onChange(withMethod(node, m, e.target.checked))} className="size-4 rounded border-zinc-300 text-indigo-600 dark:border-zinc-600 dark:bg-zinc-900" />
                {m}
              </label>
            ))}
          </div>
          {methodsError && (
            <p id={`${id}-methods-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
              {methodsError}
            </p>
          )}
        </fieldset>
        <SelectSetting id={`${id}-body`} label="Body" value={typeof w.body === "string" ? w.body : "json"} options={BODY} onChange={(v) => put(["body"], v === "json" ? undefined : v)} error={err("body")} description="How the body is read; a request of another Content-Type is refused with 415." disabled={readOnly} />
        <RadioSetting
          name={`${id}-mode`}
          legend="Response"
          value={mode}
          disabled={readOnly}
          onChange={(v) => put(["mode"], v === "async" ? undefined : v)}
          options={[
            { value: "async", label: "At once (202 with the run id)", help: "The sender does not wait for the run." },
            { value: "sync", label: "When the run answers", help: "A Webhook Response step (or the last step) answers, within the timeout." },
          ]}
        />
        {mode === "sync" && <NumberSetting id={`${id}-sync`} label="Answer within" unit="ms" min={100} max={30_000} value={w.syncTimeoutMs} onChange={(v) => put(["syncTimeoutMs"], v)} error={err("syncTimeoutMs")} description="100 to 30,000 ms. Default 10,000." disabled={readOnly} />}
      </section>
      <section className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <SelectSetting id={`${id}-preset`} label="Verification" value={preset} options={PRESETS} onChange={(v) => onChange(withPreset(node, v as VerificationPreset))} error={err("verification.preset") ?? err("verification")} description="How a delivery proves it comes from the sender; the secret is set above." disabled={readOnly} />
        {(preset === "shared_secret" || preset === "hmac") && (
          <TextSetting id={`${id}-header`} label="Header" value={verification.header} placeholder={preset === "hmac" ? "x-signature" : "x-webhook-secret"} onChange={(v) => put(["verification", "header"], v)} error={err("verification.header")} description="The request header that carries the secret or the signature." readOnly={readOnly} plain />
        )}
        {preset === "hmac" && (
          <div className="grid grid-cols-2 gap-3">
            <SelectSetting id={`${id}-alg`} label="Algorithm" value={typeof verification.algorithm === "string" ? verification.algorithm : "sha256"} options={["sha1", "sha256", "sha512"].map((a) => ({ value: a, label: a.toUpperCase() }))} onChange={(v) => put(["verification", "algorithm"], v)} error={err("verification.algorithm")} disabled={readOnly} />
            <SelectSetting id={`${id}-enc`} label="Encoding" value={typeof verification.encoding === "string" ? verification.encoding : "hex"} options={[{ value: "hex", label: "Hex" }, { value: "base64", label: "Base64" }]} onChange={(v) => put(["verification", "encoding"], v)} error={err("verification.encoding")} disabled={readOnly} />
            <div className="col-span-2">
              <TextSetting id={`${id}-prefix`} label="Prefix" value={verification.prefix} placeholder="sha256=" onChange={(v) => put(["verification", "prefix"], v)} error={err("verification.prefix")} description="Text before the digest in the header, if any." readOnly={readOnly} plain />
            </div>
          </div>
        )}
        {(preset === "stripe" || preset === "slack" || preset === "standard_webhooks") && (
          <NumberSetting id={`${id}-tol`} label="Timestamp tolerance" unit="s" min={30} max={3600} value={verification.toleranceSeconds} onChange={(v) => put(["verification", "toleranceSeconds"], v)} error={err("verification.toleranceSeconds")} description="A delivery signed longer ago is refused as a replay. 30 to 3,600 s; default 300." disabled={readOnly} />
        )}
      </section>
      <details className="border-t border-zinc-200 pt-4 dark:border-zinc-800" open={Object.keys(limits).length > 0 || [...issues.keys()].some((k) => k.startsWith("webhook.limits."))}>
        <summary className="cursor-pointer text-sm font-medium text-zinc-800 dark:text-zinc-200">Limits</summary>
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Deliveries over a limit get 413 or 429 and start nothing.</p>
        <div className="grid grid-cols-2 gap-3 pt-2">
            <NumberSetting id={`${id}-maxBody`} label="Largest body" unit="bytes" min={1} max={MAX_WEBHOOK_BODY_BYTES} value={limits.maxBodyBytes} onChange={(v) => put(["limits", "maxBodyBytes"], v)} error={err("limits.maxBodyBytes")} description="Default 524,288." disabled={readOnly} />
            <NumberSetting id={`${id}-maxDec`} label="Largest unzipped" unit="bytes" min={1} max={MAX_WEBHOOK_BODY_BYTES} value={limits.maxDecompressedBytes} onChange={(v) => put(["limits", "maxDecompressedBytes"], v)} error={err("limits.maxDecompressedBytes")} description="Default 1,048,576." disabled={readOnly} />
            <NumberSetting id={`${id}-rate`} label="Rate" unit="/s" min={0.1} max={100_000} value={limits.ratePerSecond} onChange={(v) => put(["limits", "ratePerSecond"], v)} error={err("limits.ratePerSecond")} description="Default 100." disabled={readOnly} />
            <NumberSetting id={`${id}-burst`} label="Burst" min={1} max={100_000} value={limits.burst} onChange={(v) => put(["limits", "burst"], v)} error={err("limits.burst")} description="Default 200." disabled={readOnly} />
        </div>
      </details>
    </div>
  );
}
