/**
 * No parameter or MAC figure is typed by hand into a chapter: they must come from the calc core.
 * Scans content/**\/*.md{,x} prose; see tests/support/numbers.ts for what counts as prose.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findHandTypedFigures, proseOf } from '../support/numbers.ts';
import { ROOT } from '../support/site.ts';

function chapters(dir = join(ROOT, 'content')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? chapters(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const files = chapters();

test('there are chapters to scan', () => {
  expect(files.length).toBeGreaterThan(0);
});

test.each(files.map((f) => [relative(ROOT, f), f]))('%s has no hand-typed figures', (name, file) => {
  const findings = findHandTypedFigures(readFileSync(file, 'utf8'), file.endsWith('.mdx'));
  expect(findings.map((f) => `${name}:${f.line}: ${f.text}`), 'compute these with <Num> or the calc core').toEqual([]);
});

describe('the scanner', () => {
  const hits = (text: string) => findHandTypedFigures(text).map((f) => f.text);

  test.each([
    ['VGG-16 has 138,357,544 parameters.', '138,357,544'],
    ['VGG-16 has 138357544 parameters.', '138357544'],
    ['about 138.4M parameters', '138.4M'],
    ['it costs 15.47 GFLOPs per image', '15.47 GFLOPs'],
    ['roughly 7.6 billion MACs', '7.6 billion MACs'],
    ['138 million trainable parameters', '138 million trainable parameters'],
    ['a total of 3.9 GMACs', '3.9 GMACs'],
    ['in math: $P = 138{,}357{,}544$', '138{,}357{,}544'],
    ['inside a tag\'s text: <strong>61,100,840</strong> weights', '61,100,840'],
    ['thin space 138\u2009357\u2009544', '138\u2009357\u2009544'],
  ])('flags %j', (text, figure) => {
    expect(hits(text)).toContain(figure);
  });

  test.each([
    'a stack costs $27C^2$ against $49C^2$ weights',
    'layer conv3_2 of stage 3, and fc6',
    'In 2014 Karen Simonyan; ILSVRC-2014',
    'inputs of 224×224 and 1×1 convolutions, 3×3 kernels',
    '[Very Deep Convolutional Networks](https://arxiv.org/abs/2409.15563)',
    'VGG-16 has <Num model="vgg16" of="params" /> parameters',
    'export const big = 138357544;\nexport const x = analyse({ input: [64, 56, 56] });',
    'import X from "./x-12345.ts";',
    'the ratio {formatCount(138357544)} is computed',
    '<VggCost rows={[123456, 654321]} />',
    'trained on 1.2 million labelled images',
    'ResNet-152 and Inception-v3, 11 weight layers, 4096 channels, 2 FLOPs per MAC',
  ])('passes %j', (text) => {
    expect(hits(text)).toEqual([]);
  });

  test('keeps line numbers across masked blocks', () => {
    const source = 'import A from "a";\nexport const n = {\n  a: 1,\n};\n\nText {\n  2\n} then 1,234,567 here.';
    expect(findHandTypedFigures(source)).toEqual([{ line: 8, text: '1,234,567' }]);
    expect(proseOf(source).split('\n')).toHaveLength(8);
  });
});
