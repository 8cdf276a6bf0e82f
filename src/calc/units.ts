/**
 * Groups an analysis' rows into top-level units (blocks, stem runs, VGG stages) for per-stage
 * tables and bar charts.
 */
import type { Analysis, LayerRow } from './types';

/** A top-level unit of a network: one block row, or a run of rows outside any block (the stem). */
export interface Unit {
  /** Display name: the block's name, "stem" or "conv1 … maxpool" style for a run of loose rows. */
  readonly name: string;
  /** True for a block row of the core; false for a run of loose rows (or a VGG stage). */
  readonly block: boolean;
  /** Indices into analysis.rows of the non-block rows this unit sums. */
  readonly rows: readonly number[];
  readonly params: number;
  readonly macs: number;
  readonly output: readonly number[];
  readonly receptiveField: LayerRow['receptiveField'];
}

function ownerBlock(name: string, blocks: ReadonlySet<string>): string | undefined {
  let dot = name.lastIndexOf('.');
  let owner: string | undefined;
  while (dot !== -1) {
    const prefix = name.slice(0, dot);
    if (blocks.has(prefix)) owner = prefix; // keep going: the outermost block wins
    dot = name.lastIndexOf('.', dot - 1);
  }
  return owner;
}

/**
 * Groups an analysis' rows into units for per-stage tables and bar charts. A network with block
 * rows (GoogLeNet, Inception v3, Xception, ResNet) gets one unit per outermost block and one per
 * run of loose rows between blocks. A network without blocks (AlexNet, VGG) is split after every
 * max pool ("stage 1", "stage 2", …) and the rest is "head".
 */
export function unitsOf(a: Analysis): Unit[] {
  const blockNames = new Set(a.rows.filter((r) => r.kind === 'block').map((r) => r.name));
  const units: { name: string; block: boolean; rows: number[]; output: readonly number[]; rf: LayerRow['receptiveField'] }[] = [];
  const pending = new Map<string, number[]>();
  let loose: number[] = [];
  const flushLoose = (name?: string) => {
    if (loose.length === 0) return;
    const first = a.rows[loose[0] as number] as LayerRow;
    const last = a.rows[loose.at(-1) as number] as LayerRow;
    const label = name ?? (loose.length === 1 ? first.name : `${first.name} … ${last.name}`);
    units.push({ name: label, block: false, rows: loose, output: last.output, rf: last.receptiveField });
    loose = [];
  };
  if (blockNames.size === 0) {
    let stage = 1;
    a.rows.forEach((row, i) => {
      loose.push(i);
      if (row.kind === 'maxpool') {
        flushLoose(`stage ${stage}`);
        stage += 1;
      }
    });
    flushLoose(stage === 1 ? 'all layers' : 'head');
  } else {
    a.rows.forEach((row, i) => {
      if (row.kind === 'block') {
        if (ownerBlock(row.name, blockNames) !== undefined) return; // nested block: summed by its owner
        flushLoose();
        units.push({ name: row.name, block: true, rows: pending.get(row.name) ?? [], output: row.output, rf: row.receptiveField });
        return;
      }
      const owner = ownerBlock(row.name, blockNames);
      if (owner === undefined) loose.push(i);
      else {
        const list = pending.get(owner) ?? [];
        list.push(i);
        pending.set(owner, list);
      }
    });
    flushLoose();
  }
  return units.map((u) => {
    let params = 0;
    let macs = 0;
    for (const i of u.rows) {
      const r = a.rows[i] as LayerRow;
      params += r.params.total;
      macs += r.macs;
    }
    return { name: u.name, block: u.block, rows: u.rows, params, macs, output: u.output, receptiveField: u.rf };
  });
}
