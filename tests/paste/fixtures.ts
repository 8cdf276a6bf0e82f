/** Reads the committed fixtures of tests/fixtures/paste (see its README for their origin). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIR = resolve(__dirname, '../fixtures/paste');

export interface HookCall {
  readonly name: string;
  readonly output: readonly number[];
  readonly macs: number;
}

/** Figures of one model from torch forward hooks (tests/fixtures/paste/pytorch/generate.py). */
export interface HookFigures {
  readonly input: readonly [number, number, number];
  readonly params: number;
  /** Eval mode: aux heads do not run. */
  readonly macs: number;
  readonly output: readonly number[];
  readonly modules: readonly HookCall[];
}

export const figures = JSON.parse(readFileSync(join(DIR, 'pytorch/figures.json'), 'utf8')) as {
  readonly torch: string;
  readonly torchvision: string;
  readonly models: Readonly<Record<string, HookFigures>>;
};

export function reprText(id: string): string {
  return readFileSync(join(DIR, `pytorch/${id}.txt`), 'utf8');
}

export function prototxt(name: 'bvlc_alexnet' | 'bvlc_googlenet'): string {
  return readFileSync(join(DIR, `caffe/${name}.deploy.prototxt`), 'utf8');
}

export function hookFigures(id: string): HookFigures {
  const f = figures.models[id];
  if (f === undefined) throw new Error(`figures.json has no model ${id}`);
  return f;
}
