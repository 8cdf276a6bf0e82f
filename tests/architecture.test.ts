/**
 * Dependencies point one way, content → components → src/models → src/calc: src/calc imports only
 * src/calc and nothing that needs a DOM or Node; src/models, src/parse and src/sim (the
 * simulations) import only themselves and src/calc. Nothing in src/ reaches components/ or
 * content/, components/ never imports content/, and a widget's folder is entered from outside
 * only through its component (.astro) or its export module (index.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');

function sourceFiles(dir: string, ext = /\.(ts|mts|js|mjs)$/): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every specifier of static imports, re-exports, `import type`, dynamic import() and require(). */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1] as string);
  return found;
}

/** Folder (relative to the repo) an import resolves into, or the bare package name. */
function target(file: string, spec: string): { bare: string } | { path: string } {
  if (!spec.startsWith('.')) return { bare: spec };
  return { path: relative(ROOT, resolve(ROOT, dirname(file), spec)).split(sep).join('/') };
}

function violations(dir: string, allowed: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const spec of specifiers(readFileSync(join(ROOT, file), 'utf8'))) {
      const t = target(file, spec);
      if ('bare' in t) out.push(`${file} imports package "${t.bare}"`);
      else if (!allowed.some((a) => t.path === a || t.path.startsWith(`${a}/`))) out.push(`${file} imports ${t.path}`);
    }
  }
  return out;
}

/** Every relative import of the files, as repo paths (extension as written). */
function relativeImports(files: readonly string[]): { from: string; to: string }[] {
  return files.flatMap((from) =>
    specifiers(readFileSync(join(ROOT, from), 'utf8')).flatMap((spec) => {
      const t = target(from, spec);
      return 'path' in t ? [{ from, to: t.path }] : [];
    }),
  );
}

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);
/** A widget's export module, the only way into its folder from outside. */
const WIDGET_INDEX = /^components\/widgets\/[^/]+\/index$/;
const show = ({ from, to }: { from: string; to: string }): string => `${from} imports ${to}`;

const GLOBALS = /(?<![.\w$])(document|window|HTMLElement|customElements|navigator|localStorage|process|Buffer|__dirname)\b(?!\s*\??:)/;

/** Whether code (not its comments or strings: "./window" is fine) names a DOM or Node global; object keys and `.x` accesses are not globals. */
function usesGlobals(source: string): boolean {
  return GLOBALS.test(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'[^'\n]*'|"[^"\n]*"/g, "''"));
}

describe('architecture', () => {
  it('finds the imports it is meant to police', () => {
    const sample = `import { a } from './x';\nimport type { B } from "../y";\nexport * from './z';\nimport './side';\nconst m = await import('node:fs');`;
    expect(specifiers(sample)).toEqual(['./x', '../y', './z', './side', 'node:fs']);
    expect(sourceFiles('src/calc')).toContain('src/calc/analyse.ts');
  });

  it('src/calc imports only src/calc (no packages, no Node built-ins)', () => {
    expect(violations('src/calc', ['src/calc'])).toEqual([]);
  });

  it('src/models imports only src/models and src/calc', () => {
    expect(violations('src/models', ['src/models', 'src/calc'])).toEqual([]);
  });

  it('src/sim imports only src/sim and src/calc', () => {
    expect(sourceFiles('src/sim')).toContain('src/sim/erf.ts');
    expect(violations('src/sim', ['src/sim', 'src/calc'])).toEqual([]);
  });

  it("src/chapters (each chapter's figures) imports only src/calc, src/models, src/sim, src/chapters/facts and widgets' export modules", () => {
    const imports = relativeImports(sourceFiles('src/chapters'));
    expect(imports.length).toBeGreaterThan(0);
    const allowed = ({ to }: { from: string; to: string }) =>
      ['src/calc', 'src/models', 'src/sim'].some((dir) => under(to, dir)) || to === 'src/chapters/facts' || WIDGET_INDEX.test(to);
    expect(imports.filter((i) => !allowed(i)).map(show)).toEqual([]);
  });

  it('src/widget (the widget contract, shared by server and browser) imports only src/widget, src/calc and src/i18n', () => {
    expect(sourceFiles('src/widget')).toContain('src/widget/widget.ts');
    expect(violations('src/widget', ['src/widget', 'src/calc', 'src/i18n'])).toEqual([]);
  });

  it('src/parse (the pasted-network parsers) imports only src/parse and src/calc', () => {
    expect(violations('src/parse', ['src/parse', 'src/calc'])).toEqual([]);
  });

  it('src/calc, src/models, src/parse and src/sim use no DOM or Node globals', () => {
    const offenders = [...sourceFiles('src/calc'), ...sourceFiles('src/models'), ...sourceFiles('src/parse'), ...sourceFiles('src/sim')].filter((f) =>
      usesGlobals(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing in src/ imports components/ or content/ (src/chapters only a widget\'s export module); components/ never imports content/', () => {
    const src = relativeImports(sourceFiles('src', /\.(ts|mts|js|mjs|astro)$/));
    expect(src.length).toBeGreaterThan(100);
    // src/chapters holds the chapters' figures for both languages, so it may reach what a chapter may.
    const chapterUsesWidget = ({ from, to }: { from: string; to: string }) => under(from, 'src/chapters') && WIDGET_INDEX.test(to);
    expect(src.filter((i) => (under(i.to, 'components') && !chapterUsesWidget(i)) || under(i.to, 'content')).map(show)).toEqual([]);
    const components = relativeImports(sourceFiles('components', /\.(ts|astro)$/));
    expect(components.some(({ to }) => under(to, 'src/models'))).toBe(true);
    expect(components.filter(({ to }) => under(to, 'content')).map(show)).toEqual([]);
  });

  it("nothing imports a widget's internals from outside its folder, only its .astro or its index.ts", () => {
    const files = [...sourceFiles('components', /\.(ts|astro)$/), ...sourceFiles('content', /\.mdx$/), ...sourceFiles('src', /\.(ts|astro)$/)];
    const imports = relativeImports(files);
    expect(imports.some(({ from, to }) => from.startsWith('content/') && to.startsWith('components/widgets/'))).toBe(true);
    const offenders = imports.filter(({ from, to }) => {
      const folder = /^components\/widgets\/[^/]+/.exec(to)?.[0];
      if (folder === undefined || under(from, folder)) return false;
      return to !== `${folder}/index` && !to.endsWith('.astro');
    });
    expect(offenders.map(show)).toEqual([]);
  });

  it('tells a global from a property of the same name', () => {
    // LayerRow has a `window` field: a key or a `.window` access is data, a bare `window` is the DOM.
    expect(usesGlobals('const { x } = row; const w = row.window; const r = { window: null };')).toBe(false);
    expect(usesGlobals('interface R { readonly window: W | null; readonly window2?: W }')).toBe(false);
    expect(usesGlobals('const href = window.location.href;')).toBe(true);
    expect(usesGlobals('if (process.env.X) {}')).toBe(true);
  });

  it('nothing outside src/calc reads values back out of a row\'s detail text or an error\'s message', () => {
    // LayerRow.window/groups and CalcError.field carry the values; detail and message are for display.
    const parses = /\.(detail|problem|message)\s*\.\s*(match|includes|startsWith|endsWith|split|replace|search|slice)\s*\(|\.(exec|test)\s*\([^)]*\.(detail|problem|message)\b/;
    expect(parses.test("const k = row.detail.match(/^(\\d+)×/)")).toBe(true);
    expect(parses.test('if (/padding/.test(error.problem)) {}')).toBe(true);
    const files = [...sourceFiles('components', /\.(ts|astro)$/), ...sourceFiles('content', /\.mdx$/), ...sourceFiles('src', /\.(ts|astro)$/)].filter(
      (f) => !f.startsWith('src/calc/'),
    );
    expect(files.filter((f) => parses.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
