import { describe, expect, it } from 'vitest';
import { analyse, type Analysis, type LayerRow } from '../../src/calc/index';
import { xception } from '../../src/models/xception';

const KERAS_DOCS = 'https://keras.io/api/applications/ (Xception, 22.9M; model.count_params() = 22,910,480)';

function row(a: Analysis, name: string): LayerRow {
  const r = a.rows.find((x) => x.name === name);
  if (r === undefined) throw new Error(`no row ${name}`);
  return r;
}

describe('Xception (Keras Applications) golden figures, 299×299, include_top', () => {
  /*
   * Keras' count includes BatchNormalization's moving mean and variance (non-trainable, 2 per
   * channel = as many as γ and β). BN channels: 32 + 64 (block1) + 2·128 + 128 (block2) + 2·256 + 256
   * + 2·728 + 728 + 8·3·728 (block5–12) + 728 + 1024 + 1024 (block13) + 1536 + 2048 = 27,264,
   * so γβ = 54,528 = the non-trainable count. Trainable = 22,855,952; total = 22,910,480.
   */
  it(`22,910,480 params = trainable 22,855,952 + BN moving statistics 54,528 — ${KERAS_DOCS}`, () => {
    const a = analyse(xception());
    expect(a.params.total).toBe(22_855_952);
    expect(a.params.bn).toBe(54_528);
    expect(a.params.biases).toBe(1000); // only `predictions` has a bias
    expect(a.params.total + a.params.bn).toBe(22_910_480);
  });

  /*
   * MACs at 299×299 (conv: k²·C_in·C_out·H·W; separable: (9·C_in + C_in·C_out)·H·W), per block row:
   *   block1 417,478,752   block2 613,262,528   block3 602,097,152   block4 1,060,088,600
   *   block5…12 8 × 581,068,488 = 4,648,547,904 (3 · (9·728 + 728²) · 19²)
   *   block13 539,717,360  block14 474,163,200  predictions 2,048,000
   *   total 8,357,403,496 ≈ 8.36 G — the "≈8.4 G" usually quoted for Xception (e.g. timm's model
   *   tables; the paper compares parameter counts and training speed, not FLOPs).
   */
  it('8,357,403,496 MACs at 299×299 (derived; ≈ 8.4 G)', () => {
    const a = analyse(xception());
    expect(a.macs).toBe(8_357_403_496);
    expect(row(a, 'block5').macs).toBe(3 * (9 * 728 + 728 * 728) * 19 * 19);
    expect(row(a, 'block1').macs).toBe(417_478_752);
    expect(row(a, 'block14').macs).toBe(474_163_200);
  });
});

describe('Xception shape trace, 299×299 (Keras "same" padding rounds up: ⌈147/2⌉ = 74)', () => {
  const trace: readonly [string, readonly number[]][] = [
    ['block1.conv1', [32, 149, 149]],
    ['block1', [64, 147, 147]],
    ['block2', [128, 74, 74]],
    ['block3', [256, 37, 37]],
    ['block4', [728, 19, 19]],
    ['block5', [728, 19, 19]],
    ['block12', [728, 19, 19]],
    ['block13', [1024, 10, 10]],
    ['block14', [2048, 10, 10]],
    ['avg_pool', [2048, 1, 1]],
    ['predictions', [1000]],
  ];
  const a = analyse(xception());
  for (const [name, shape] of trace) {
    it(`${name}: ${shape.join('×')}`, () => expect(row(a, name).output).toEqual(shape));
  }

  it('block rows block1…block14 exist; middle flow is block5…block12 (Keras numbering)', () => {
    const blocks = a.rows.filter((r) => r.kind === 'block').map((r) => r.name);
    expect(blocks).toEqual(Array.from({ length: 14 }, (_, i) => `block${i + 1}`));
    // Middle-flow blocks are identical: 3 separable convs of 728 + 3 BN.
    const p = row(a, 'block5').params.total;
    expect(p).toBe(3 * (9 * 728 + 728 * 728 + 2 * 728));
    for (let n = 6; n <= 12; n++) expect(row(a, `block${n}`).params.total).toBe(p);
  });

  it('Keras names map to dotted names (block2_sepconv1_bn → block2.sepconv1_bn); shortcuts are blockN.residual', () => {
    const names = xception().layers.map((l) => l.name);
    for (const n of ['block1.conv1_bn', 'block2.sepconv1_bn', 'block2.sepconv2_act', 'block2.residual', 'block2.residual_bn', 'block2.pool', 'block2.add', 'block13.sepconv2', 'block14.sepconv2_act']) {
      expect(names).toContain(n);
    }
    expect(names).not.toContain('block2.sepconv1_act'); // block2 starts without ReLU (block1 ends with one)
  });

  it('asymmetric "same" padding misaligns the shortcut and the max-pool path from block3 on (aligned = false)', () => {
    expect(row(a, 'block2').receptiveField?.aligned).toBe(true);
    expect(row(a, 'block3').receptiveField?.aligned).toBe(false);
    expect(a.receptiveField.stride).toEqual([32, 32]);
  });
});
