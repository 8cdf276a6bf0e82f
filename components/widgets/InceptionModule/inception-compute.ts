/**
 * The Inception module cell's computation: a preset row or the reader's widths, the module with
 * reductions and the naive one (both built by src/models/googlenet.ts, `inceptionModule` and
 * `naiveInceptionModule`), analysed by the calc core and summed branch by branch.
 */
import { analyse, type Analysis, type LayerRow, type LayerSpec } from '../../../src/calc/index';
import {
  bigKernel as googlenetBigKernel,
  googlenetTable1,
  inceptionModule as inceptionModuleLayers,
  type GoogLeNetBuild,
  type GoogLeNetInceptionRow,
  type InceptionWidths,
} from '../../../src/models/googlenet';
import { naiveInceptionModule } from '../../../src/models/googlenet-naive';
import type { Build } from '../../../src/models/build';

export const PRESETS = ['custom', ...googlenetTable1.map((r) => r.name)] as const;
/** The builds the cell offers (its `flavour` field, a URL key readers share): the paper's (Caffe) or torchvision's. */
export type InceptionBuild = Extract<Build, 'paper' | 'torchvision'>;

export interface InceptionModuleValues {
  [key: string]: number | string;
  preset: string;
  flavour: string;
  cin: number;
  size: number;
  c1: number;
  r3: number;
  c3: number;
  r5: number;
  c5: number;
  pp: number;
}

/** The numbers a module is built from, after a preset has been applied. */
export type ModuleWidths = {
  readonly cin: number;
  readonly size: number;
  readonly c1: number;
  readonly r3: number;
  readonly c3: number;
  readonly r5: number;
  readonly c5: number;
  readonly pp: number;
};

export function presetRow(name: string): GoogLeNetInceptionRow | undefined {
  return googlenetTable1.find((r) => r.name === name);
}

/** A preset (not "custom") fills every width from the paper's row; otherwise the fields count. */
export function effectiveWidths(v: InceptionModuleValues): ModuleWidths {
  const row = presetRow(v.preset);
  if (row === undefined) return { cin: v.cin, size: v.size, c1: v.c1, r3: v.r3, c3: v.c3, r5: v.r5, c5: v.c5, pp: v.pp };
  return {
    cin: row.inChannels,
    size: row.outputSize,
    c1: row.ch1x1,
    r3: row.ch3x3red,
    c3: row.ch3x3,
    r5: row.ch5x5red,
    c5: row.ch5x5,
    pp: row.poolProj,
  };
}

/** The paper row whose widths (and input) these are, if any. */
export function matchingRow(w: ModuleWidths): GoogLeNetInceptionRow | undefined {
  return googlenetTable1.find(
    (r) =>
      r.inChannels === w.cin &&
      r.outputSize === w.size &&
      r.ch1x1 === w.c1 &&
      r.ch3x3red === w.r3 &&
      r.ch3x3 === w.c3 &&
      r.ch5x5red === w.r5 &&
      r.ch5x5 === w.c5 &&
      r.poolProj === w.pp,
  );
}

function buildOf(v: InceptionModuleValues): InceptionBuild {
  return v.flavour === 'torchvision' ? 'torchvision' : 'paper';
}

/** The paper's GoogLeNet is the BVLC Caffe model. */
function googlenetBuild(build: InceptionBuild): GoogLeNetBuild {
  return build === 'torchvision' ? 'torchvision' : 'caffe';
}

/** Kernel of the "5×5" branch: 5 in the paper, 3 in torchvision (pytorch/vision#906). */
export function bigKernel(build: InceptionBuild): number {
  return googlenetBigKernel(googlenetBuild(build));
}

function tableWidths(w: ModuleWidths): InceptionWidths {
  return { ch1x1: w.c1, ch3x3red: w.r3, ch3x3: w.c3, ch5x5red: w.r5, ch5x5: w.c5, poolProj: w.pp };
}

/** The module with reductions (src/models/googlenet.ts), named like torchvision's Inception (branch1, branch2.0, …). */
export function reducedModule(w: ModuleWidths, build: InceptionBuild): LayerSpec[] {
  return inceptionModuleLayers('', tableWidths(w), 'input', googlenetBuild(build));
}

/** Figure 2(a): 1×1, 3×3 and 5×5 straight on the input, and the pooled input itself. */
export function naiveModule(w: ModuleWidths, build: InceptionBuild): LayerSpec[] {
  return naiveInceptionModule(tableWidths(w), googlenetBuild(build));
}

export interface BranchTotal {
  readonly key: 'b1' | 'b2' | 'b3' | 'b4';
  /** Convolution rows of the branch, in order. */
  readonly convs: readonly LayerRow[];
  readonly channels: number;
  readonly params: number;
  readonly macs: number;
}

function branchTotals(a: Analysis): BranchTotal[] {
  return (['b1', 'b2', 'b3', 'b4'] as const).map((key, i) => {
    const prefix = `branch${i + 1}`;
    const rows = a.rows.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}.`));
    const last = rows[rows.length - 1]!;
    return {
      key,
      convs: rows.filter((r) => r.kind === 'conv'),
      channels: last.output[0]!,
      params: rows.reduce((s, r) => s + r.params.total, 0),
      macs: rows.reduce((s, r) => s + r.macs, 0),
    };
  });
}

export interface InceptionModuleResult {
  readonly widths: ModuleWidths;
  readonly build: InceptionBuild;
  readonly reduced: Analysis;
  readonly naive: Analysis;
  readonly branches: readonly BranchTotal[];
  readonly naiveBranches: readonly BranchTotal[];
  readonly row: GoogLeNetInceptionRow | undefined;
}

export function computeInceptionModule(v: InceptionModuleValues): InceptionModuleResult {
  const widths = effectiveWidths(v);
  const build = buildOf(v);
  const input = [widths.cin, widths.size, widths.size];
  const reduced = analyse({ id: 'inception', input, layers: reducedModule(widths, build) });
  const naive = analyse({ id: 'naive', input, layers: naiveModule(widths, build) });
  return {
    widths,
    build,
    reduced,
    naive,
    branches: branchTotals(reduced),
    naiveBranches: branchTotals(naive),
    row: matchingRow(widths),
  };
}
