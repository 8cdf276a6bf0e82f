/**
 * What a built page holds that must be the same in every language (tests/browser/parity.test.ts):
 * its widgets in order, its exercises with their answers, and how many diagrams, tables and
 * headings its content has. Read from the start tags of the HTML file's <main> (Astro writes
 * every attribute value in double quotes), no browser and no DOM: a page takes milliseconds.
 */
export interface PageFacts {
  /** data-widget values, in document order. */
  readonly widgets: string[];
  /** Each exercise as "id = answer" (its data-ns and the answer its cell carries in data-labels), in order. */
  readonly exercises: string[];
  readonly diagrams: number;
  readonly tables: number;
  readonly headings: number;
}

const START_TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>"']+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=>"']+)(?:="([^"]*)")?/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decode = (value: string) => value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);

/** Start tags inside <main>, with their attributes decoded. */
function* startTagsOfMain(html: string): Generator<{ tag: string; attrs: Map<string, string> }> {
  const from = html.search(/<main[\s>]/);
  const to = html.lastIndexOf('</main>');
  if (from < 0 || to < from) throw new Error('the page has no <main>');
  for (const m of html.slice(from, to).matchAll(START_TAG)) {
    const attrs = new Map([...m[2]!.matchAll(ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), decode(a[2] ?? '')]));
    yield { tag: m[1]!.toLowerCase(), attrs };
  }
}

export function pageFacts(html: string): PageFacts {
  const facts = { widgets: [] as string[], exercises: [] as string[], diagrams: 0, tables: 0, headings: 0 };
  for (const { tag, attrs } of startTagsOfMain(html)) {
    const widget = attrs.get('data-widget');
    if (widget !== undefined) facts.widgets.push(widget);
    if (widget === 'exercise') {
      const labels = JSON.parse(attrs.get('data-labels') ?? '{}') as { solution?: unknown };
      facts.exercises.push(`${attrs.get('data-ns')} = ${String(labels.solution)}`);
    }
    if ((attrs.get('class') ?? '').split(/\s+/).includes('mermaid-figure')) facts.diagrams += 1;
    if (tag === 'table') facts.tables += 1;
    if (/^h[1-6]$/.test(tag)) facts.headings += 1;
  }
  return facts;
}
