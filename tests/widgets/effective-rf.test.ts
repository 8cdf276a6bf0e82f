import { describe, expect, test } from 'vitest';
import { inflateSync } from 'node:zlib';
import { effectiveRf, theoreticalSide } from '../../src/sim/erf';
import { effectiveRfWidget, heatIndices, marginOf, PALETTE, type EffectiveRfValues } from '../../components/widgets/EffectiveRf/effective-rf';

const values = (v: Partial<EffectiveRfValues> = {}): EffectiveRfValues => ({ ...effectiveRfWidget.defaults, ...v });
const render = (v: Partial<EffectiveRfValues> = {}) => effectiveRfWidget.render(values(v), effectiveRfWidget.labels);

describe('effective-rf widget', () => {
  test('states the theoretical and the 95 % side computed by src/sim', () => {
    const r = effectiveRf(values());
    const html = render();
    expect(html).toContain(`Theoretical field: <strong>${r.side}×${r.side}</strong>`);
    expect(html).toContain(`Effective RF (95 %): <strong>${r.side95}×${r.side95}</strong>`);
    expect(r.side).toBe(theoreticalSide(8, 3, 1, 1));
    expect(effectiveRfWidget.summary(values(), effectiveRfWidget.labels)).toContain(`${r.side95}×${r.side95}`);
  });

  test('the heat map is one PNG image whose pixels are the map, with a zero margin', () => {
    const v = values({ layers: 2, dilation: 2 });
    const r = effectiveRf(v);
    const { size, margin, pixels } = heatIndices(r);
    expect(margin).toBe(marginOf(r.side));
    expect(size).toBe(r.side + 2 * margin);
    const html = render(v);
    expect(html.match(/<img /g)).toHaveLength(1);
    const data = /src="data:image\/png;base64,([^"]+)"/.exec(html)![1]!;
    const png = Buffer.from(data, 'base64');
    const idatAt = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
    const row = (y: number) => [...raw.subarray(y * (size + 1) + 1, (y + 1) * (size + 1))];
    expect(row(0).every((p) => p === 0)).toBe(true); // the margin
    // Centre row: gridding at d = 2 alternates reached and unreached pixels.
    const centre = row(margin + (r.side - 1) / 2).slice(margin, margin + r.side);
    expect(centre.map((p) => p > 0)).toEqual(centre.map((_, x) => x % 2 === 0));
    expect(centre.every((p, x) => p === pixels[(margin + (r.side - 1) / 2) * size + margin + x])).toBe(true);
  });

  test('the palette keeps black for exactly zero and runs dark to bright', () => {
    expect(PALETTE).toHaveLength(256);
    expect(PALETTE[0]).toEqual([0, 0, 0]);
    const luma = (c: readonly number[]) => 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    expect(luma(PALETTE[255]!)).toBeGreaterThan(luma(PALETTE[128]!));
    expect(luma(PALETTE[128]!)).toBeGreaterThan(luma(PALETTE[1]!));
  });

  test('holes are counted only when dilation leaves them', () => {
    expect(render()).not.toContain('Pixels no path reaches');
    const r = effectiveRf(values({ layers: 2, dilation: 2 }));
    expect(render({ layers: 2, dilation: 2 })).toContain(`Pixels no path reaches: <strong>${r.holes}</strong> of ${r.side * r.side}`);
  });

  test('simulated settings say how many seeded draws were averaged', () => {
    const v = values({ activation: 'relu', weights: 'random' });
    const r = effectiveRf(v);
    expect(r.exact).toBe(false);
    expect(render(v)).toContain(`the normalised |∂y/∂x| maps of ${r.draws} seeded draws averaged`);
    expect(render()).toContain('Exact:');
  });

  test('every field changes the result', () => {
    const base = render();
    for (const change of [{ layers: 9 }, { kernel: 5 }, { stride: 2, layers: 3 }, { dilation: 2 }, { activation: 'relu' }, { weights: 'random' }] as const) {
      expect(render(change), JSON.stringify(change)).not.toBe(base);
    }
  });

  test('a field too wide to draw is blamed on the layers field', () => {
    let error: unknown;
    try {
      render({ stride: 2 });
    } catch (e) {
      error = e;
    }
    expect(effectiveRfWidget.blame!(error as Error, values({ stride: 2 }))).toBe('layers');
    expect(String(error)).toMatch(/use \d+ layers or fewer/);
  });
});
