/**
 * From Inception v3 to Xception in five simplifications (Chollet 2017, arXiv:1610.02357, §1.1–1.2 and
 * Figures 1–4), each step built as a tiny network and analysed by the
 * calc core at one concrete setting: C input and C output channels on an H×W map (by default
 * Xception's middle flow, 728 channels at 19×19). Convolutions have no bias and batch norm and ReLU
 * are left out, so the counts are the convolution weights alone.
 */
import { analyse, CalcError, type Analysis, type LayerSpec } from '../calc/index';

export interface StepSetting {
  /** Input = output channels C. */
  readonly channels: number;
  /** Map size H = W (stride 1 throughout, so it never changes). */
  readonly size: number;
  /** Towers of steps 0–3 (the module's branches); must divide C. */
  readonly towers: number;
  /** Channel groups of step 4; must divide C. */
  readonly groups: number;
}

/** Xception's middle flow: 728 channels at 19×19; four towers (the v3 module's four branches), step 4 with 8 groups. */
export const XCEPTION_MIDDLE: StepSetting = { channels: 728, size: 19, towers: 4, groups: 8 };

export interface Step {
  /** 0 = the canonical Inception v3 module, 1…5 the chapter's simplifications, 6 = Xception's own op. */
  readonly step: number;
  readonly title: string;
  /** What changes, in one line. */
  readonly change: string;
  /** Where the step is drawn or argued in Chollet 2017 (figure or section). */
  readonly figure: string;
  /** Number of independent 3×3 channel groups the spatial stage has (towers or conv groups). */
  readonly spatialGroups: number;
  readonly analysis: Analysis;
}

const c1 = (name: string, out: number, from?: string): LayerSpec => ({
  kind: 'conv', name, out, kernel: 1, bias: false, ...(from === undefined ? {} : { from }),
});
const c3 = (name: string, out: number, groups = 1, from?: string): LayerSpec => ({
  kind: 'conv', name, out, kernel: 3, padding: 1, groups, bias: false, ...(from === undefined ? {} : { from }),
});

/** A tower: 1×1 to w channels, then `n3` 3×3 convolutions w → w (0 for the lone 1×1 branch). */
function tower(name: string, w: number, n3: number): LayerSpec[] {
  const layers: LayerSpec[] = [c1(`${name}.1x1`, w, 'input')];
  for (let i = 1; i <= n3; i++) layers.push(c3(`${name}.3x3_${i}`, w));
  return layers;
}

function last(layers: readonly LayerSpec[]): string {
  return layers[layers.length - 1]!.name;
}

function concat(towers: readonly LayerSpec[][]): LayerSpec[] {
  return [...towers.flat(), { kind: 'concat', name: 'concat', from: towers.map(last) }];
}

function checkDivides(what: string, n: number, channels: number): void {
  if (!Number.isSafeInteger(n) || n < 1 || channels % n !== 0) {
    throw new CalcError('channels-not-divisible', what, `${n} must divide the ${channels} channels`);
  }
}

/** The six modules (step 0 to 5) and Xception's separable convolution, analysed by the calc core. */
export function inceptionToXception(s: StepSetting = XCEPTION_MIDDLE): Step[] {
  checkDivides('towers', s.towers, s.channels);
  checkDivides('groups', s.groups, s.channels);
  const C = s.channels;
  const w = C / s.towers;
  const input = [C, s.size, s.size];
  const run = (id: string, layers: LayerSpec[]) => analyse({ id, input, layers });
  // Step 0: the towers of Chollet's Figure 1 (1×1 | 1×1→3×3 | 1×1→3×3→3×3 | avg pool→1×1), one per
  // branch; any tower beyond four repeats the 1×1→3×3 tower.
  const v3Towers = Array.from({ length: s.towers }, (_, i): LayerSpec[] => {
    const name = `tower${i + 1}`;
    if (i === 0) return tower(name, w, 0);
    if (i === 2) return tower(name, w, 2);
    if (i === 3) return [{ kind: 'avgpool', name: `${name}.pool`, kernel: 3, stride: 1, padding: 1, from: 'input' }, c1(`${name}.1x1`, w)];
    return tower(name, w, 1);
  });
  const step1Towers = Array.from({ length: s.towers }, (_, i) => tower(`tower${i + 1}`, w, i === 2 ? 2 : 1));
  const step2Towers = Array.from({ length: s.towers }, (_, i) => tower(`tower${i + 1}`, w, 1));
  const grouped = (g: number) => [c1('pointwise', C), c3('spatial', C, g)];
  return [
    {
      step: 0,
      title: 'Inception v3 module',
      change: 'four branches: 1×1 | 1×1→3×3 | 1×1→3×3→3×3 | pool→1×1',
      figure: 'Chollet Fig. 1',
      spatialGroups: s.towers,
      analysis: run('step0', concat(v3Towers)),
    },
    {
      step: 1,
      title: 'Every branch 1×1 → 3×3',
      change: 'no pooling; the lone 1×1 gains a 3×3',
      figure: 'this chapter (between Chollet Figs. 1 and 2)',
      spatialGroups: s.towers,
      analysis: run('step1', concat(step1Towers)),
    },
    {
      step: 2,
      title: 'One 1×1, one 3×3 per tower',
      change: 'the double 3×3 tower keeps one 3×3',
      figure: 'Chollet Fig. 2',
      spatialGroups: s.towers,
      analysis: run('step2', concat(step2Towers)),
    },
    {
      step: 3,
      title: 'One big 1×1, 3×3 on segments',
      change: `the 1×1s merge; each 3×3 sees ${w} of its channels`,
      figure: 'Chollet Fig. 3',
      spatialGroups: s.towers,
      analysis: run('step3', grouped(s.towers)),
    },
    {
      step: 4,
      title: 'More, thinner segments',
      change: `${s.groups} groups of ${C / s.groups} channels`,
      figure: 'Chollet §1.2 (between Figs. 3 and 4)',
      spatialGroups: s.groups,
      analysis: run('step4', grouped(s.groups)),
    },
    {
      step: 5,
      title: '“Extreme” Inception',
      change: 'one channel per 3×3: a depthwise conv',
      figure: 'Chollet Fig. 4',
      spatialGroups: C,
      analysis: run('step5', grouped(C)),
    },
    {
      step: 6,
      title: 'separable conv',
      change: 'the same two convs in the other order, no ReLU between',
      figure: 'Chollet §3; Keras SeparableConv2D',
      spatialGroups: C,
      analysis: run('xception', [{ kind: 'separable', name: 'sepconv', out: C, kernel: 3, padding: 'same', bias: false }]),
    },
  ];
}

/** Divisors of n in increasing order (the valid group counts of a grouped convolution on n channels). */
export function divisors(n: number): number[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new CalcError('bad-parameter', 'divisors', `${n} is not a positive whole number`);
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    small.push(d);
    if (d * d !== n) large.unshift(n / d);
  }
  return [...small, ...large];
}
