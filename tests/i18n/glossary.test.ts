/**
 * The glossary (src/i18n/glossary.ts) and its use: every Chinese page outside the glossary page
 * writes each term as the glossary chooses, never as one of its alternatives (prose only: code
 * and math are left out, see src/i18n/glossary-check.ts). Whether each `firstExplained` anchor
 * exists on the built English page is checked in tests/browser/i18n.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { glossary } from '../../src/i18n/glossary.ts';
import { findAlternatives, proseOfChinese } from '../../src/i18n/glossary-check.ts';
import { translationLocales } from '../../src/i18n/locales.ts';
import { ROOT } from '../support/site.ts';

const chinesePages = translationLocales
  .filter((l) => l.startsWith('zh'))
  .flatMap((locale) => {
    const dir = join(ROOT, 'content', locale);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((f) => /\.mdx?$/.test(f) && !/^glossary\./.test(f));
    } catch {
      names = [];
    }
    return names.map((name) => `content/${locale}/${name}`);
  });

describe('the glossary data', () => {
  test('ids are unique, and each term has a chosen rendering and a firstExplained page/#anchor', () => {
    const ids = glossary.map((t) => t.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const t of glossary) {
      expect(t.zh.trim(), t.id).not.toBe('');
      expect(t.firstExplained, t.id).toMatch(/^[a-z0-9-]*\/#[a-z0-9-]+$/);
    }
  });

  test('no alternative is a chosen rendering (the check could never pass)', () => {
    const chosen = new Set(glossary.map((t) => t.zh));
    expect(glossary.flatMap((t) => t.alternatives.filter((a) => chosen.has(a)).map((a) => `${t.id}: ${a}`))).toEqual([]);
  });
});

test.each(chinesePages)('%s uses the glossary\'s chosen terms', (page) => {
  const findings = findAlternatives(readFileSync(join(ROOT, page), 'utf8'), glossary);
  expect(findings.map((f) => `${page}:${f.line}: ${f.alternative} (for ${f.term}): write ${f.chosen}`)).toEqual([]);
});

describe('the consistency check', () => {
  const find = (text: string) => findAlternatives(text, glossary).map((f) => `${f.line}: ${f.alternative} → ${f.chosen}`);

  test('flags an alternative in prose, naming the line and the chosen term', () => {
    expect(find('---\ntitle: 池化\n---\n\n最大汇聚层把特征图缩小一半。\n')).toEqual(['5: 最大汇聚 → 最大池化']);
    expect(find('汇聚之后')).toEqual(['1: 汇聚 → 池化']);
    expect(find('这里用的是膨胀卷积。')).toEqual(['1: 膨胀卷积 → 空洞卷积']);
  });

  test('an alternative inside the chosen term is that term (点卷积 in 逐点卷积, 组卷积 in 分组卷积)', () => {
    expect(find('先做逐点卷积，再做分组卷积。')).toEqual([]);
    expect(find('先做逐点卷积，再做点卷积。')).toEqual(['1: 点卷积 → 逐点卷积']);
    expect(find('分组卷积也叫组卷积。')).toEqual(['1: 组卷积 → 分组卷积']);
  });

  test('code fences, inline code and math are not prose', () => {
    const source = ['```py', '# 汇聚', '```', '文中 `膨胀卷积` 与 $\\text{汇聚}$ 和', '$$', '\\text{汇聚}', '$$', '正文里的汇聚。'].join('\n');
    expect(find(source)).toEqual(['8: 汇聚 → 池化']);
    expect(proseOfChinese(source).split('\n')).toHaveLength(8);
  });

  test('a chapter is checked as a whole (titles, props and prose alike)', () => {
    expect(find('<Exercise explanation="步幅为 2 时……" />')).toEqual(['1: 步幅 → 步长']);
  });
});
