"use client";
import { createContext, useContext } from "react";
import type { Option } from "@/app/_lib/schema-form/fields";
import type { Path } from "@/app/_lib/schema-form/values";

/** Loads a dynamic field's choices through the integration (integration.options), with the input so far. */
export type OptionsLoader = (field: string, input: Record<string, unknown>, search?: string) => Promise<Option[]>;

export type FormContextValue = {
  /** The whole input, for dynamic fields that depend on others. */
  root: Record<string, unknown>;
  set: (path: Path, value: unknown) => void;
  /** The problem to show at a path (only once the field was touched, or when every problem is shown). */
  errorAt: (path: Path) => string | undefined;
  touch: (path: Path) => void;
  idFor: (path: Path) => string;
  readOnly: boolean;
  loadOptions?: OptionsLoader;
};

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error("Schema form controls render inside <SchemaForm>.");
  return ctx;
}
