import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CalcError, receptiveFieldTable } from '../../src/calc/index';
import {
  MAX_LAYERS,
  blameRf,
  computeRf,
  describeRegion,
  formatStack,
  layerFields,
  layerRowsHtml,
  parseLayer,
  parseStack,
  parseUnit,
  rfDefaults,
  rfExplorer,
  STACK_PATTERN,
  rfLabels,
  span,
  summaryOf,
  type RfLayer,
  type RfState,
  type RfValues,
} from '../../components/widgets/RfExplorer/rf-explorer';
import { parseField } from '../../src/widget/fields';

/** The cell's values for a state: what its hidden stack and unit fields hold. */
const valuesOf = (state: RfState): RfValues => ({ size: state.size, stack: formatStack(state.layers), unit: state.unit.join(',') });
const renderRf = (state: RfState) => rfExplorer.render(valuesOf(state), rfLabels);

const conv = (k: number, s = 1, p = 0, d = 1): RfLayer => ({ kind: 'conv', k, s, d, p });
const pool = (k: number, s = k, p = 0): RfLayer => ({ kind: 'pool', k, s, d: 1, p });

function thrown(state: Pick<RfState, 'size' | 'layers'>): unknown {
  try {
    computeRf(state);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('rf-explorer: the default stack c3s1,c3s1,p2s2,c3s1 on 16×16', () => {
  const result = computeRf(rfDefaults);

  test('shapes: 16 → 14 → 12 → 6 → 4', () => {
    expect(result.sizes).toEqual([16, 14, 12, 6, 4]);
  });

  test('forward r, S, P and the backward F(i) rows', () => {
    // r: 1 + 2·1 = 3, 3 + 2·1 = 5, 5 + 1·1 = 6, 6 + 2·2 = 10; S: 1, 1, 2, 2; P = 0 throughout
    expect(result.table.forward.map((r) => [r.r, r.S, r.P])).toEqual([
      [3, 1, 0],
      [5, 1, 0],
      [6, 2, 0],
      [10, 2, 0],
    ]);
    // top-down: F = (1 − 1)·1 + 3 = 3, (3 − 1)·2 + 2 = 6, (6 − 1)·1 + 3 = 8, (8 − 1)·1 + 3 = 10
    expect(result.table.backward.map((r) => r.f)).toEqual([3, 6, 8, 10]);
  });

  test('unit (1, 2) sees rows 2–11 and columns 4–13', () => {
    // rows: 1·2 − 0 = 2 … 2 + 10 − 1 = 11; columns: 2·2 − 0 = 4 … 13
    expect(span(1, result.table)).toEqual([2, 11]);
    expect(describeRegion(rfDefaults, result.table)).toBe('Output unit (1, 2) sees input rows 2–11, columns 4–13.');
    expect(summaryOf(rfDefaults, result)).toBe(
      '4 layers: 16×16 → 4×4; each unit sees 10×10 pixels, 2 apart. Output unit (1, 2) sees input rows 2–11, columns 4–13.',
    );
  });

  test('the tables show the recursions with the numbers substituted', () => {
    const html = renderRf(rfDefaults);
    expect(html).toContain('6 + (3 − 1)·2 = <strong>10</strong>');
    expect(html).toContain('(3 − 1)·2 + 2');
    expect(html).toContain('rows: 1·<var>S</var> − <var>P</var> = 1·2 − 0 = 2');
  });
});

describe('rf-explorer: padding', () => {
  test('a padded 3×3 conv puts unit 0’s region one pixel into the padding', () => {
    const state: RfState = { size: 8, layers: [conv(3, 1, 1)], unit: [0, 7] };
    const r = computeRf(state);
    expect(r.out).toBe(8);
    expect(r.table.P).toBe(1);
    // rows −1 to 1 (1 row of padding); columns 7·1 − 1 = 6 … 8 (pixel 8 is padding)
    expect(describeRegion(state, r.table)).toBe('Output unit (0, 7) sees input rows −1 to 1 (1 row of padding), columns 6–8 (1 column of padding).');
  });
});

describe('rf-explorer: URL stack', () => {
  test('reads and writes the compact form; a pool’s stride defaults to its kernel', () => {
    const parsed = parseStack('c3s1,c3s2d2p2,p3')!;
    expect(parsed).toEqual([
      { kind: 'conv', k: '3', s: '1', d: '1', p: '0' },
      { kind: 'conv', k: '3', s: '2', d: '2', p: '2' },
      { kind: 'pool', k: '3', s: '3', d: '1', p: '0' },
    ]);
    const layers = parsed.map((raw, i) => parseLayer(raw, i).layer!);
    expect(formatStack(layers)).toBe('c3s1,c3s2d2p2,p3s3');
  });

  const rejected = [
    ['markup', '<img src=x onerror=alert(1)>'],
    ['text', 'hello'],
    ['an empty layer', 'c3s1,,c3s1'],
    ['too many layers', Array.from({ length: MAX_LAYERS + 1 }, () => 'c3s1').join(',')],
    ['huge input', 'c3s1,'.repeat(100)],
    ['a fraction', 'c3.5s1'],
    ['a negative', 'c-3s1'],
  ];
  test.each(rejected)('rejects %s as a whole', (_name, text) => {
    expect(parseStack(text)).toBeUndefined();
  });

  test.each(rejected)('the cell\'s stack field refuses %s too (its pattern and parseStack agree)', (_name, text) => {
    expect(parseField(text, rfExplorer.fields.stack).ok).toBe(false);
  });

  test('out-of-range numbers parse, then fail on their field like typing', () => {
    const parsed = parseStack('c99s1,p2s2')!;
    expect(parsed).toHaveLength(2);
    const first = parseLayer(parsed[0]!, 0);
    expect(first.layer).toBeUndefined();
    expect(first.errors).toEqual({ 'l1.k': 'Must be at most 9.' });
    expect(parseLayer({ kind: 'conv', k: '1e309', s: '1', d: '1', p: '' }, 2).errors).toEqual({
      'l3.k': 'Must be at most 9.',
      'l3.p': 'Enter a number.',
    });
  });

  test('units: "2,3" only', () => {
    expect(parseUnit('2,3')).toEqual([2, 3]);
    expect(parseUnit('2;3')).toBeUndefined();
    expect(parseUnit('1e9,1')).toBeUndefined();
  });

  test('layer rows escape whatever text a URL put into a field', () => {
    const html = layerRowsHtml('nb-rf', [{ kind: 'conv', k: '"><script>x</script>', s: '1', d: '1', p: '0' }], rfLabels);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    expect(html).toContain('aria-disabled="true"'); // the only layer cannot be removed
  });
});

describe('rf-explorer: errors are CalcErrors blamed on a field', () => {
  test.each([
    ['a kernel that does not fit layer 3', { size: 8, layers: [conv(3), conv(3), conv(7)] }, 'l3.k'],
    ['pool padding over half the window', { size: 8, layers: [pool(2, 2, 2)] }, 'l1.p'],
    ['a map larger than the grid', { size: 48, layers: [conv(1, 1, 4)] }, 'l1.p'],
  ])('%s', (_name, state, field) => {
    const error = thrown(state);
    expect(error).toBeInstanceOf(CalcError);
    expect(blameRf(error)).toBe(field);
  });
});

describe('rf-explorer: properties', () => {
  const layer = fc.record({
    kind: fc.constantFrom('conv' as const, 'pool' as const),
    k: fc.integer({ min: layerFields.k.min, max: layerFields.k.max }),
    s: fc.integer({ min: layerFields.s.min, max: layerFields.s.max }),
    d: fc.integer({ min: layerFields.d.min, max: layerFields.d.max }),
    p: fc.integer({ min: layerFields.p.min, max: layerFields.p.max }),
  });
  const stack = fc.array(layer, { minLength: 1, maxLength: MAX_LAYERS });

  test('formatStack and parseStack round-trip', () => {
    fc.assert(
      fc.property(stack, (layers) => {
        const parsed = parseStack(formatStack(layers));
        expect(parsed?.map((raw, i) => parseLayer(raw, i).layer)).toEqual(layers);
      }),
    );
  });

  test('every stack renders cleanly or throws a CalcError; top-down F equals bottom-up r', () => {
    fc.assert(
      fc.property(stack, fc.integer({ min: 1, max: 48 }), fc.integer({ min: 0, max: 47 }), fc.integer({ min: 0, max: 47 }), (layers, size, y, x) => {
        try {
          const values = valuesOf({ size, layers, unit: [y, x] });
          const text = rfExplorer.render(values, rfLabels) + rfExplorer.summary(values, rfLabels);
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
          const result = computeRf({ size, layers });
          expect(result.table.backward.at(-1)!.f).toBe(result.table.r);
          const t = receptiveFieldTable(layers.map((l) => ({ kernel: l.k, stride: l.s, padding: l.p, dilation: l.d })));
          expect(result.table.r).toBe(t.r);
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('rf-explorer: the widget definition', () => {
  test('its fields are the URL state the explorer always had: ?rf.size, ?rf.stack, ?rf.unit', () => {
    expect(rfExplorer.name).toBe('rf-explorer');
    expect(Object.keys(rfExplorer.fields)).toEqual(['size', 'stack', 'unit']);
    expect(rfExplorer.defaults).toEqual({ size: 16, stack: 'c3s1,c3s1,p2s2,c3s1', unit: '1,2' });
  });

  test('every stack formatStack writes passes the stack field', () => {
    const layer = fc.record({
      kind: fc.constantFrom('conv' as const, 'pool' as const),
      k: fc.integer({ min: 1, max: 9 }),
      s: fc.integer({ min: 1, max: 4 }),
      d: fc.integer({ min: 1, max: 4 }),
      p: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(layer, { minLength: 1, maxLength: MAX_LAYERS }), (layers) => {
        expect(STACK_PATTERN.test(formatStack(layers))).toBe(true);
      }),
    );
  });

  test('the output carries the cell\'s ids: the map is described by the region and the help', () => {
    const html = rfExplorer.render(rfExplorer.defaults, rfLabels, 'nb-rf2');
    expect(html).toContain('id="nb-rf2-map" data-grid tabindex="0" role="group" aria-label="Output map" aria-describedby="nb-rf2-region nb-rf2-gridhelp"');
    expect(html).toContain('<p class="rf-desc" id="nb-rf2-region" data-region>Output unit (1, 2) sees input rows 2–11, columns 4–13.</p>');
  });

  test('a chosen unit beyond the map is shown clamped (the field keeps the choice)', () => {
    // The default stack ends in a 4×4 map: unit (9, 9) is shown as (3, 3).
    expect(rfExplorer.summary({ ...rfExplorer.defaults, unit: '9,9' }, rfLabels)).toMatch(/Output unit \(3, 3\)/);
  });

  test('a layer value out of range (from a URL) throws, blamed on its control in the table', () => {
    let error: unknown;
    try {
      rfExplorer.render({ ...rfExplorer.defaults, stack: 'c3s1,c99s1' }, rfLabels);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalcError);
    expect((error as CalcError).message).toBe('Must be at most 9.');
    expect(rfExplorer.blame?.(error as Error, rfExplorer.defaults)).toBe('l2.k');
  });

  test('a core error is still blamed on the layer field that causes it', () => {
    let error: unknown;
    try {
      rfExplorer.render({ size: 8, stack: 'c3s1,c3s1,c7s1', unit: '0,0' }, rfLabels);
    } catch (e) {
      error = e;
    }
    expect(rfExplorer.blame?.(error as Error, rfExplorer.defaults)).toBe('l3.k');
  });
});
