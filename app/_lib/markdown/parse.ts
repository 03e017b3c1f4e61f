/**
 * The small part of Markdown a sticky note needs (paragraphs, headings, lists, fenced code; emphasis, strong,
 * inline code and links), parsed to a tree that is rendered as React elements. Nothing is ever read as HTML:
 * a "<script>" in a note is the text "<script>", and only http(s) and mailto links become links.
 * Every pattern stops at its own delimiter, and a link's text and address are bounded, so no unclosed delimiter
 * makes the parse scan the rest of the note again for each of its characters.
 */
export type Inline =
  | { t: "text"; text: string }
  | { t: "code"; text: string }
  | { t: "strong"; children: Inline[] }
  | { t: "em"; children: Inline[] }
  | { t: "link"; href: string; children: Inline[] };

export type Block =
  | { t: "p"; children: Inline[] }
  | { t: "h"; level: number; children: Inline[] }
  | { t: "ul" | "ol"; items: Inline[][] }
  | { t: "pre"; text: string };

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const INLINE = /`([^`\n]+)`|\*\*([^*\n]+)\*\*|__([^_\n]+)__|\*([^*\s][^*\n]*)\*|_([^_\s][^_\n]*)_|\[([^\]\n]{1,500})\]\(([^)\s]{1,2000})\)/g;

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (s: string) => {
    if (!s) return;
    const prev = out.at(-1);
    if (prev?.t === "text") prev.text += s;
    else out.push({ t: "text", text: s });
  };
  // Nested emphasis inside a link inside strong is as deep as a note needs; deeper stays text.
  const inner = (s: string) => (depth < 4 ? parseInline(s, depth + 1) : [{ t: "text" as const, text: s }]);
  for (const m of text.matchAll(INLINE)) {
    push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) out.push({ t: "code", text: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ t: "strong", children: inner(m[2] ?? m[3]!) });
    else if (m[4] !== undefined || m[5] !== undefined) out.push({ t: "em", children: inner(m[4] ?? m[5]!) });
    else if (SAFE_LINK.test(m[7]!)) out.push({ t: "link", href: m[7]!, children: inner(m[6]!) });
    else push(m[0]);
  }
  push(text.slice(last));
  return out;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s*```/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let para: string[] = [];
  const endPara = () => {
    if (para.length) blocks.push({ t: "p", children: parseInline(para.join(" ")) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      endPara();
      const code: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i]!); i++) code.push(lines[i]!);
      blocks.push({ t: "pre", text: code.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (heading) {
      endPara();
      blocks.push({ t: "h", level: heading[1]!.length, children: parseInline(heading[2]!) });
    } else if (bullet || numbered) {
      endPara();
      const t = bullet ? "ul" : "ol";
      const prev = blocks.at(-1);
      const item = parseInline((bullet ?? numbered)![1]!);
      if (prev?.t === t && lines[i - 1]?.trim()) prev.items.push(item);
      else blocks.push({ t, items: [item] });
    } else if (line.trim() === "") {
      endPara();
    } else {
      para.push(line.trim());
    }
  }
  endPara();
  return blocks;
}
