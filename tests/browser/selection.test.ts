/**
 * Widgets that hold a reader's choice keep it (issue #14, §6): the primer's receptive-field explorer
 * clamps the chosen output unit while a change makes the map smaller and restores it once the map
 * fits again; an exercise whose answer is cleared returns to its neutral prompt.
 */
import { describe, expect, test } from 'vitest';
import { newContext, open, problemList, site, watch } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';

const browser = useBrowser();

describe('a reader\'s choice survives a change', () => {
  test('primer RF explorer: the chosen unit is clamped while the map shrinks and restored when it fits', async () => {
    const context = await newContext(browser());
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await open(page, `${site().rootUrl}primer/`);
      const rf = page.locator('[data-widget="rf-explorer"]');
      const region = rf.locator('[data-region]');
      // The default stack (rf-explorer.ts, rfDefaults) ends in a 4×4 map with unit (1, 2) chosen.
      await expect.poll(() => region.textContent()).toMatch(/^Output unit \(1, 2\)/);
      await rf.locator('[data-grid]').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.textContent()).toMatch(/^Output unit \(2, 3\)/);
      // Layer 2 with stride 2: 16 → 14 → 6 → 3 → 1, a 1×1 map, so the unit is clamped to (0, 0).
      const stride = rf.locator('[data-inputs] [name="l2.s"]');
      await stride.fill('2');
      await expect.poll(() => region.textContent()).toMatch(/^Output unit \(0, 0\)/);
      await stride.fill('1');
      await expect.poll(() => region.textContent()).toMatch(/^Output unit \(2, 3\)/);
      await expect.poll(() => new URL(page.url()).searchParams.get('rf.unit')).toBe('2,3');
      expect(problemList(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('an exercise whose answer is cleared shows the neutral prompt, not an error', async () => {
    const context = await newContext(browser());
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await open(page, `${site().rootUrl}alexnet/`);
      const exercise = page.locator('[data-widget="exercise"]').first();
      const feedback = exercise.locator('[data-summary]');
      const prompt = (await feedback.textContent())?.trim();
      const answer = exercise.locator('input[name="answer"]');
      const inUrl = async () => new URL(page.url()).searchParams.has(`${await exercise.getAttribute('data-ns')}.answer`);
      await answer.fill('1');
      await expect.poll(async () => (await feedback.textContent())?.trim()).toMatch(/^Not quite/);
      // The URL follows once the reader pauses (runtime.ts, writeUrlSoon).
      await expect.poll(inUrl).toBe(true);
      await answer.fill('');
      await expect.poll(async () => (await feedback.textContent())?.trim()).toBe(prompt);
      expect(await answer.getAttribute('aria-invalid')).toBeNull();
      expect((await exercise.locator('[data-msg-for="answer"]').textContent())?.trim()).toBe('');
      await expect.poll(inUrl).toBe(false);
      expect(problemList(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
