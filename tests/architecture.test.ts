/**
 * Dependencies point one way: src/calc imports only src/calc and nothing that needs a DOM or
 * Node; src/models, src/parse and src/sim (the simulations) import only themselves and src/calc.
 * None reaches components/ or content/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name))
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

  it('src/parse (the pasted-network parsers) imports only src/parse and src/calc', () => {
    expect(violations('src/parse', ['src/parse', 'src/calc'])).toEqual([]);
  });

  it('src/calc, src/models, src/parse and src/sim use no DOM or Node globals', () => {
    const globals = /\b(document|window|HTMLElement|customElements|navigator|localStorage|process|Buffer|__dirname)\b/;
    const offenders = [...sourceFiles('src/calc'), ...sourceFiles('src/models'), ...sourceFiles('src/parse'), ...sourceFiles('src/sim')].filter((f) =>
      // Comments and strings may mention these words ("./window"); code may not.
      globals.test(
        readFileSync(join(ROOT, f), 'utf8')
          .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
          .replace(/'[^'\n]*'|"[^"\n]*"/g, "''"),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
