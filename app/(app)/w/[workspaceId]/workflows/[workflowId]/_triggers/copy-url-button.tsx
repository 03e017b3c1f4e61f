"use client";
import { Button } from "@/app/_components/button";
import { useToast } from "@/app/_components/toast";

export function CopyUrlButton({ text }: { text: string }) {
  const toast = useToast();
  return (
    <Button
      size="sm"
      variant="secondary"
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => toast.show("Webhook URL copied"),
          () => toast.show("Could not copy: select the URL and copy it by hand", "error"),
        )
      }
    >
      Copy
    </Button>
  );
}
