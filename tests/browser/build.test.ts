/**
 * Build hygiene: both builds (domain root and BASE_PATH) succeed with a clean log, every
 * sidebar entry became a page, and the pre-rendered Mermaid diagrams match the chapters.
 * A Markdown plugin error logs [ERROR] and still exits 0 with an empty page: the log check
 * is what catches it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sidebar } from '../../src/integrations/sidebar.ts';
import { translationLocales } from '../../src/i18n/locales.ts';
import { ROOT, site, tail, type BuildResult } from '../support/site.ts';

/** Log lines that fail the build check: Astro's [ERROR]/[WARN], and any warning from Vite, Rolldown or a Markdown plugin. */
export function badLogLines(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => /\[(ERROR|WARN)\]|\bwarn(ing)?\b|^\s*\(!\)|\berror\b/i.test(line))
    .map((line) => line.trim());
}

interface SidebarEntry {
  readonly link?: string;
  readonly items?: readonly SidebarEntry[];
}

function sidebarLinks(entries: readonly SidebarEntry[]): string[] {
  return entries.flatMap((e) => [...(e.link ? [e.link] : []), ...sidebarLinks(e.items ?? [])]);
}

const builds: BuildResult[] = Object.values(site().builds);

describe.each(builds.map((b) => [b.name, b] as const))('%s build', (_name, build) => {
  test(`exits 0 (BASE=${build.base}, ${build.seconds.toFixed(1)} s)`, () => {
    expect(build.code, tail(build.log)).toBe(0);
  });

  test('log has no error or warning lines', () => {
    expect(badLogLines(build.log), 'offending build log lines').toEqual([]);
  });

  // Starlight prefixes each entry with the locale on a translation's pages (/zh-cn/vgg/).
  const internal = sidebarLinks(sidebar).filter((l) => l.startsWith('/'));
  const everyLocale = [...internal, ...translationLocales.flatMap((locale) => internal.map((l) => `/${locale}${l}`))];
  test.each(everyLocale)('sidebar entry %s is a page', (link) => {
    expect(existsSync(join(build.outDir, link, 'index.html')), `${link} missing from ${build.outDir}`).toBe(true);
  });
});

test('the log check flags Astro, Vite and plugin warnings', () => {
  const log = [
    '05:26:47   ├─ /index.html (+144ms)',
    '05:28:43 [ERROR] [content] KaTeX parse error',
    '05:28:43 [WARN] [router] duplicate route',
    '[vite] warning: content/vgg.mdx: something',
    '(!) Some chunks are larger than 500 kB',
    '05:26:48 [build] Complete!',
  ].join('\n');
  expect(badLogLines(log)).toHaveLength(4);
});

test('every Mermaid diagram is rendered and none is orphaned (npm run diagrams -- --check)', () => {
  let output = '';
  try {
    output = execFileSync('npm', ['run', '--silent', 'diagrams', '--', '--check'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    expect.fail(`diagrams --check exited ${e.status}:\n${e.stdout}${e.stderr}`);
  }
  expect(output).not.toMatch(/error/i);
});
