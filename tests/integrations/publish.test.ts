/**
 * The GitHub Pages workflow builds what README says and under the base the site tests build
 * with: for a repository named like the package (backbone-notebook), actions/configure-pages
 * reports base_path "/backbone-notebook", and the workflow passes it on as BASE with a slash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BASE_PATH, ROOT } from '../support/site.ts';

const workflow = readFileSync(join(ROOT, '.github', 'workflows', 'publish.yml'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string };

/** `run:` steps, in order. */
const runs = [...workflow.matchAll(/^\s*- run: (.+)$/gm)].map((m) => m[1]!.trim());

describe('publish workflow', () => {
  test("runs README's install and build commands, in that order", () => {
    const install = readme.match(/```sh\n(npm ci && npm run build)[^\n]*\n```/)?.[1];
    expect(install, "README's install-and-run command").toBe('npm ci && npm run build');
    expect(runs).toEqual(install!.split(' && '));
  });

  test('deploys dist/ to GitHub Pages with the official actions', () => {
    expect(workflow).toMatch(/uses: actions\/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist\n/);
    expect(workflow).toMatch(/uses: actions\/deploy-pages@v\d+/);
    expect(workflow).toMatch(/pages: write/);
    expect(workflow).toMatch(/id-token: write/);
  });

  test("takes SITE and BASE from the running repository's Pages settings", () => {
    expect(workflow).toContain('SITE: ${{ steps.pages.outputs.origin }}');
    expect(workflow).toContain('BASE: ${{ steps.pages.outputs.base_path }}/');
    expect(workflow).toMatch(/- id: pages\n\s+uses: actions\/configure-pages@v\d+/);
  });

  test('the base-path site tests use the base this repository publishes under', () => {
    expect(BASE_PATH).toBe(`/${pkg.name}/`);
  });
});
