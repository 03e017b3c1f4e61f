import { Fragment, useMemo } from "react";
import { parseMarkdown, type Inline } from "./parse";

/** A note's Markdown as React elements (parse.ts: never HTML, only safe links). */
export function Markdown({ text, className = "" }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className={`space-y-1.5 break-words ${className}`}>
      {blocks.map((b, i) => {
        switch (b.t) {
          case "p":
            return <p key={i}>{inlines(b.children)}</p>;
          case "h":
            return (
              <p key={i} className={b.level === 1 ? "text-base font-bold" : "font-semibold"}>
                {inlines(b.children)}
              </p>
            );
          case "ul":
          case "ol": {
            const List = b.t;
            return (
              <List key={i} className={`${b.t === "ul" ? "list-disc" : "list-decimal"} space-y-0.5 pl-5`}>
                {b.items.map((item, j) => (
                  <li key={j}>{inlines(item)}</li>
                ))}
              </List>
            );
          }
          case "pre":
            return (
              <pre key={i} className="overflow-x-auto rounded bg-black/5 p-1.5 font-mono text-[11px] dark:bg-white/10">
                {b.text}
              </pre>
            );
        }
      })}
    </div>
  );
}

function inlines(list: Inline[]): React.ReactNode {
  return list.map((n, i) => {
    switch (n.t) {
      case "text":
        return <Fragment key={i}>{n.text}</Fragment>;
      case "code":
        return (
          <code key={i} className="rounded bg-black/5 px-1 font-mono text-[0.9em] dark:bg-white/10">
            {n.text}
          </code>
        );
      case "strong":
        return <strong key={i}>{inlines(n.children)}</strong>;
      case "em":
        return <em key={i}>{inlines(n.children)}</em>;
      case "link":
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow" className="underline decoration-1 underline-offset-2">
            {inlines(n.children)}
          </a>
        );
    }
  });
}
