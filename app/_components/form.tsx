"use client";
import { useEffect, useRef, type FormEvent, type FormHTMLAttributes, type ReactNode } from "react";
import { useHydrated } from "@/app/_lib/hydrated";

type FormProps = Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "method"> & {
  onSubmit: () => void;
  children: ReactNode;
};

/**
 * Every form in the app. Until React has hydrated, the controls are disabled: a form submitted before
 * then would be a native GET that puts its fields (passwords included) in the URL, and typed text could be
 * lost. method="post" is the second guard. Validation is the server's: noValidate lets its messages
 * show beside each field instead of the browser's tooltips. A field marked data-autofocus gets focus once
 * the form is usable (autoFocus would fire while the field is still disabled, and be lost).
 */
export function Form({ onSubmit, children, className, ...rest }: FormProps) {
  const hydrated = useHydrated();
  const fields = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (hydrated) fields.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [hydrated]);
  return (
    <form
      method="post"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      {...rest}
    >
      <fieldset ref={fields} disabled={!hydrated} className={`m-0 min-w-0 border-0 p-0 ${className ?? ""}`}>
        {children}
      </fieldset>
    </form>
  );
}
