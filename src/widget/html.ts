/** Tiny helpers for widget output HTML, rendered identically on the server and in the browser. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A table with a header row; cells are already-escaped HTML. */
export function htmlTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  options: { caption?: string; numericFrom?: number } = {},
): string {
  const numericFrom = options.numericFrom ?? 1;
  const cls = (i: number) => (i >= numericFrom ? ' class="num"' : '');
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  const thead = `<thead><tr>${head.map((h, i) => `<th scope="col"${cls(i)}>${h}</th>`).join('')}</tr></thead>`;
  const tbody = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${cls(i)}>${c}</td>`)).join('')}</tr>`)
    .join('');
  return `<div class="nb-table-wrap" tabindex="0"><table>${caption}${thead}<tbody>${tbody}</tbody></table></div>`;
}
