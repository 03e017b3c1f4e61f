"use client";
import { borderClass, controlClass, describedBy, FieldShell } from "@/app/_components/schema-form/field-shell";
import { TemplateInput, type MappingMode } from "@/app/_components/schema-form/template-input";

type Props = {
  id: string;
  label: string;
  value: unknown;
  /** The text, or undefined when emptied (the key is then left out of the node). */
  onChange: (v: string | undefined) => void;
  error?: string;
  description?: string;
  placeholder?: string;
  required?: boolean;
  readOnly: boolean;
  /** A setting fixed when the workflow is saved (a header name): plain text, no references. */
  plain?: boolean;
  /** What the mapping picker inserts here (an expression field takes references without {{ }}; "none": no picker). */
  mapping?: MappingMode;
};

/** One text setting of a node: a template field (text and references mixed) unless it is `plain`. */
export function TextSetting({ id, label, value, onChange, error, description, placeholder, required, readOnly, plain, mapping }: Props) {
  const text = typeof value === "string" ? value : "";
  const emit = (t: string) => onChange(t === "" ? undefined : t);
  return (
    <FieldShell id={id} label={label} required={required} description={description} error={error}>
      {plain ? (
        <input
          id={id}
          value={text}
          disabled={readOnly}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => emit(e.target.value)}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          className={`${controlClass} h-9 ${borderClass(error)}`}
        />
      ) : (
        <TemplateInput id={id} value={text} onChange={emit} placeholder={placeholder} error={error} describedBy={describedBy(id, description, error)} required={required} disabled={readOnly} mapping={mapping} />
      )}
    </FieldShell>
  );
}
