"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { SelectField, TextField } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { FormError } from "@/app/_components/form-error";
import { useToast } from "@/app/_components/toast";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

type Kind = "api_key" | "basic" | "custom" | "oauth2";
const KINDS = [
  { value: "api_key", label: "API key" },
  { value: "basic", label: "Username and password" },
  { value: "custom", label: "Custom fields" },
  { value: "oauth2", label: "OAuth2 (sign in at the provider)" },
];
// Inputs per kind: [form key, label, is it a secret].
const INPUTS: Record<Kind, [string, string, boolean][]> = {
  api_key: [["apiKey", "API key", true]],
  basic: [["username", "Username", false], ["password", "Password", true]],
  custom: [["custom", "Fields, one name=value per line", true]],
  oauth2: [["authorizeUrl", "Authorize URL", false], ["tokenUrl", "Token URL", false], ["clientId", "Client id", false], ["clientSecret", "Client secret", true], ["scopes", "Scopes (space-separated)", false]],
};

const customFields = (text: string) =>
  Object.fromEntries(text.split(/[\n;]/).map((l) => l.split("=")).filter((p) => p.length >= 2).map(([k, ...v]) => [k!.trim(), v.join("=").trim()]));

/** Creates a connection; OAuth2 goes to the provider and comes back through /api/oauth/callback. */
export function NewConnectionForm() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [kind, setKind] = useState<Kind>("api_key");
  const [values, setValues] = useState<Record<string, string>>({});
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const create = useMutation(
    trpc.connection.create.mutationOptions({
      onSuccess: async (c) => {
        toast.show(`Saved “${c.name}”`);
        setValues({});
        setName("");
        await queryClient.invalidateQueries({ queryKey: trpc.connection.list.queryKey({ workspaceId: ws.id }) });
      },
    }),
  );
  const oauth = useMutation(trpc.connection.oauthStart.mutationOptions({ onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl) }));
  const error = kind === "oauth2" ? oauth.error : create.error;
  const errors = fieldErrorsOf(error);
  const v = (k: string) => values[k] ?? "";

  function submit() {
    const base = { workspaceId: ws.id, name, integrationSlug: slug };
    if (kind === "oauth2") {
      const scopes = v("scopes").split(/\s+/).filter(Boolean);
      oauth.mutate({ ...base, authorizeUrl: v("authorizeUrl"), tokenUrl: v("tokenUrl"), clientId: v("clientId"), clientSecret: v("clientSecret"), scopes });
    } else if (kind === "api_key") create.mutate({ ...base, kind, fields: { apiKey: v("apiKey") } });
    else if (kind === "basic") create.mutate({ ...base, kind, fields: { username: v("username"), password: v("password") } });
    else create.mutate({ ...base, kind, fields: customFields(v("custom")) });
  }

  return (
    <Form aria-label="Add a connection" className="space-y-3" onSubmit={submit}>
      <FormError message={formMessageOf(error)} testId="connection-error" />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name?.[0]} />
        <TextField label="Integration" placeholder="stripe" value={slug} onChange={(e) => setSlug(e.target.value)} error={errors.integrationSlug?.[0]} />
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} options={KINDS} error={errors.kind?.[0]} />
      </div>
      {INPUTS[kind].map(([key, label, secret]) => (
        <TextField
          key={key}
          label={label}
          type={secret && key !== "custom" ? "password" : "text"}
          autoComplete="off"
          value={v(key)}
          onChange={(e) => setValues({ ...values, [key]: e.target.value })}
          error={(errors[key] ?? errors.fields)?.[0]}
          hint={kind === "oauth2" && key === "authorizeUrl" ? "Register the redirect URL <this site>/api/oauth/callback with the provider." : undefined}
        />
      ))}
      <Button type="submit" pending={create.isPending || oauth.isPending}>
        {kind === "oauth2" ? "Continue to the provider" : "Save connection"}
      </Button>
    </Form>
  );
}
