/**
 * Vitest globalSetup of the site project: builds the site twice (at the domain root and under
 * BASE_PATH), keeps each build's log for build.test.ts, and serves both builds for the browser
 * tests. The builds run one after the other: they share .astro/'s content store, which a build
 * clears when BASE changes the config, so in parallel one could read the store mid-rebuild.
 * SITE_REUSE=1 reuses the last test build (for iterating on a test, never in CI).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromium, type BrowserServer } from 'playwright-core';
import { chromiumLaunchOptions } from '../../src/integrations/chromium.ts';
import { serveStatic } from './static-server.ts';
import { BASE_PATH, CACHE, ROOT, type BuildResult } from './site.ts';

/**
 * The environment without what Vitest adds to it: Astro reads import.meta.env from process.env
 * during prerendering, so an inherited BASE_URL=/ would undo BASE in Starlight's links, and
 * NODE_ENV=test would change the build.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

function build(name: BuildResult['name'], base: string): Promise<BuildResult> {
  const outDir = join(CACHE, `dist-${name}`);
  const saved = join(CACHE, `build-${name}.json`);
  if (process.env.SITE_REUSE === '1' && existsSync(saved)) {
    return Promise.resolve(JSON.parse(readFileSync(saved, 'utf8')) as BuildResult);
  }
  rmSync(outDir, { recursive: true, force: true });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // Through npm so the project's pinned Node runs Astro.
    const child = spawn('npm', ['run', '--silent', 'build', '--', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...buildEnv(), BASE: base, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const result: BuildResult = { name, outDir, base, code, seconds: (Date.now() - started) / 1000, log };
      writeFileSync(saved, JSON.stringify(result));
      resolve(result);
    });
  });
}

/**
 * Both browser projects (site, lighthouse) use this setup; they share one pair of builds per
 * run. Vitest may load this module once per project, so the cache lives on globalThis (one
 * Vitest process per run).
 */
const shared = globalThis as typeof globalThis & {
  nbSiteBuilds?: Promise<[BuildResult, BuildResult]>;
  nbBrowser?: Promise<BrowserServer>;
  nbRunId?: string;
};

async function buildBoth(): Promise<[BuildResult, BuildResult]> {
  mkdirSync(CACHE, { recursive: true });
  const root = await build('root', '/');
  const base = await build('base', BASE_PATH);
  console.log(`site builds: root ${root.seconds.toFixed(1)} s, base ${base.seconds.toFixed(1)} s`);
  return [root, base];
}

export default async function setup(project: TestProject) {
  const [root, base] = await (shared.nbSiteBuilds ??= buildBoth());
  const rootServer = await serveStatic(root.outDir, '/');
  const baseServer = await serveStatic(base.outDir, BASE_PATH);
  // One Chromium for every test file of the run (each file connects and makes its own contexts):
  // a launch per file cost about a second, and twelve Chromiums' worth of start-up memory.
  const browser = await (shared.nbBrowser ??= chromium.launchServer(chromiumLaunchOptions()));
  // One run id for both projects: page loads recorded by one test file serve the others (page-load.ts).
  if (!shared.nbRunId) {
    rmSync(join(CACHE, 'loads'), { recursive: true, force: true });
    shared.nbRunId = String(Date.now());
  }
  project.provide('site', {
    builds: { root, base },
    rootUrl: rootServer.root,
    baseUrl: baseServer.root,
    browserWs: browser.wsEndpoint(),
    runId: shared.nbRunId,
  });
  return async () => {
    await rootServer.close();
    await baseServer.close();
    // The lighthouse project runs after the site project; the last teardown closes the browser.
    if (shared.nbBrowser) {
      const closing = shared.nbBrowser;
      shared.nbBrowser = undefined;
      await (await closing).close();
    }
  };
}
