import { describe, expect, test } from 'vitest';
import { ExpressiveCodeEngine } from '@astrojs/starlight/expressive-code';
import { toHtml } from '@astrojs/starlight/expressive-code/hast';
import { columns, NARROWEST_COLUMNS, pluginScrollFocus } from '../../src/integrations/ec-scroll-focus.ts';

describe('columns: the monospace width of a line of code', () => {
  test('one column per Latin character', () => {
    expect(columns('conv1 = nn.Conv2d(3, 64, 11)')).toBe(28);
  });
  test('two per Han or fullwidth character', () => {
    expect(columns('# 卷积层（输入）')).toBe(2 + 2 * 7);
  });
  test('a tab reaches the next multiple of 8', () => {
    expect(columns('\tx')).toBe(9);
    expect(columns('abc\tx')).toBe(9);
    expect(columns('abcdefgh\tx')).toBe(17);
  });
});

describe('pluginScrollFocus in Expressive Code', () => {
  const engine = new ExpressiveCodeEngine({ plugins: [pluginScrollFocus()] });
  const pre = async (code: string) => {
    const { renderedGroupAst } = await engine.render({ code, language: 'python' });
    return toHtml(renderedGroupAst).match(/<pre[^>]*>/)![0];
  };
  test(`a block with a line wider than ${NARROWEST_COLUMNS} columns is focusable in the HTML`, async () => {
    expect(await pre('x = 1\n' + 'y'.repeat(NARROWEST_COLUMNS + 1))).toMatch(/tabindex="0".*role="region"/);
  });
  test(`a block whose lines all fit in ${NARROWEST_COLUMNS} columns is not`, async () => {
    expect(await pre('x = 1\n' + 'y'.repeat(NARROWEST_COLUMNS))).not.toMatch(/tabindex/);
  });
  test('Han characters count double', async () => {
    expect(await pre('# ' + '卷'.repeat(15))).toMatch(/tabindex="0"/);
    expect(await pre('# ' + '卷'.repeat(14))).not.toMatch(/tabindex/);
  });
});
