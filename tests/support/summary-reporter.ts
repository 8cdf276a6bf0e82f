/**
 * Ends every run with each browser test file's time (the site and lighthouse projects, slowest
 * first: where CI's minutes go) and a plain `N passed, N failed[, N skipped]` line, the form CI
 * reads. Used beside the default reporter (see vitest.config.ts).
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      // A file that failed to load has no tests; count it as one failure so it cannot pass silently.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    failed += errors.length;
    const timed = modules
      .filter((m) => m.project.name !== 'unit')
      .map((m) => {
        const d = m.diagnostic();
        return { file: m.moduleId.replace(/^.*?\/tests\//, 'tests/'), tests: [...m.children.allTests()].length, seconds: (d.duration + d.collectDuration) / 1000 };
      })
      .sort((a, b) => b.seconds - a.seconds);
    if (timed.length > 0) {
      const total = timed.reduce((s, t) => s + t.seconds, 0);
      const lines = timed.map((t) => `${t.seconds.toFixed(1).padStart(7)} s  ${String(t.tests).padStart(4)} tests  ${t.file}`);
      process.stdout.write(`\nBrowser test files (seconds, slowest first; ${total.toFixed(0)} s in all):\n${lines.join('\n')}\n`);
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
