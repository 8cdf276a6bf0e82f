/** The gridding picture: which input offsets reach one output unit through dilated convolutions. */
import { effectiveKernel } from './geometry';

export interface DilatedLayer {
  readonly kernel: number;
  readonly dilation: number;
}

export interface Footprint {
  /** Width (= height) of the square of input offsets covered, i.e. the receptive field. */
  readonly size: number;
  /** counts[y][x]: how many paths connect input pixel (x, y) of the square to the output unit. */
  readonly counts: readonly (readonly number[])[];
  /** Pixels of the square that reach the output at least once. */
  readonly used: number;
}

/**
 * Which input pixels contribute to one output unit after stride-1 dilated convolutions with
 * square kernels (gridding, Wang et al. 2018, §3.2). Along one axis a layer spreads a position
 * to offsets {0, d, …, (k − 1)d}; the stack is the convolution of those combs, and a square
 * kernel's 2-D footprint is the outer product of the 1-D one with itself.
 */
export function dilatedFootprint(layers: readonly DilatedLayer[]): Footprint {
  let axis = [1];
  for (const l of layers) {
    const span = effectiveKernel(l.kernel, l.dilation);
    const next = new Array<number>(axis.length + span - 1).fill(0);
    axis.forEach((c, i) => {
      if (c === 0) return;
      for (let t = 0; t < l.kernel; t++) next[i + t * l.dilation] = (next[i + t * l.dilation] as number) + c;
    });
    axis = next;
  }
  const counts = axis.map((cy) => axis.map((cx) => cy * cx));
  const used = axis.filter((c) => c > 0).length ** 2;
  return { size: axis.length, counts, used };
}
