/**
 * Where in a template field's text a drop at (x, y) lands. The field draws its text twice, in the transparent
 * textarea and in the <pre> behind it with the same layout (template-input.tsx); the textarea's characters have
 * no boxes to measure, the <pre>'s do. The nearest character on the nearest line wins; past a character's middle
 * the drop goes after it. Linear in the text, which a drop happens once for.
 */
export function offsetAtPoint(pre: HTMLElement, x: number, y: number): number | null {
  const walker = pre.ownerDocument.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  const range = pre.ownerDocument.createRange();
  let offset = 0;
  let best: { offset: number; dy: number; dx: number } | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    for (let i = 0; i < text.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const dy = y < r.top ? r.top - y : y > r.bottom ? y - r.bottom : 0;
      const dx = x < r.left ? r.left - x : x > r.right ? x - r.right : 0;
      if (!best || dy < best.dy || (dy === best.dy && dx < best.dx)) best = { offset: offset + i + (x > r.left + r.width / 2 ? 1 : 0), dy, dx };
    }
    offset += text.length;
  }
  return best?.offset ?? null;
}
