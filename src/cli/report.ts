/** Turns an Analysis into the CLI's outputs: an aligned text table or one JSON object. */
import { formatCompact, formatCount, formatShape, type Analysis, type ReceptiveField } from '../calc/index';
import type { Format, WiringNote } from '../parse/index';

function rfText(rf: ReceptiveField | null): string {
  if (rf === null) return '—';
  const size = rf.size[0] === rf.size[1] ? `${rf.size[0]}` : `${rf.size[0]}×${rf.size[1]}`;
  const stride = rf.stride[0] === rf.stride[1] ? `${rf.stride[0]}` : `${rf.stride[0]}×${rf.stride[1]}`;
  return `${size} /${stride}${rf.aligned ? '' : ' (misaligned)'}`;
}

type Align = 'left' | 'right';

/** Pads every column to its widest cell. */
export function alignColumns(rows: readonly (readonly string[])[], align: readonly Align[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

export function renderTable(a: Analysis): string {
  const header = ['name', 'kind', 'detail', 'output', 'params', 'MACs', 'RF size /stride'];
  const body = a.rows.map((r) => [
    r.label === undefined ? r.name : `${r.name} (${r.label})`,
    r.kind,
    r.detail,
    formatShape(r.output),
    r.params.total === 0 ? '' : formatCount(r.params.total),
    r.macs === 0 ? '' : formatCount(r.macs),
    rfText(r.receptiveField),
  ]);
  const lines = alignColumns([header, ...body], ['left', 'left', 'left', 'left', 'right', 'right', 'left']);
  const rf = a.receptiveField;
  const totals = [
    `model   ${a.network}, input ${formatShape(a.input)} → output ${formatShape(a.output)}`,
    `params  ${formatCount(a.params.total)} (${formatCompact(a.params.total)}): weights ${formatCount(a.params.weights)}, biases ${formatCount(a.params.biases)}, BN γ/β ${formatCount(a.params.bn)}`,
    `MACs    ${formatCount(a.macs)} (${formatCompact(a.macs)}), one eval-mode forward pass`,
    `GFLOPs (torchvision column) = MACs/1e9 = ${(a.macs / 1e9).toFixed(3)}`,
    ...(a.auxMacs > 0 ? [`aux     training-mode forward adds ${formatCount(a.auxMacs)} MACs (${formatCompact(a.auxMacs)}) for the aux heads`] : []),
    `RF      ${rf.size[0]}×${rf.size[1]}, stride ${rf.stride[0]}×${rf.stride[1]}, padding ${rf.padding[0]}×${rf.padding[1]}${rf.aligned ? '' : ', paths misaligned'} (last spatial feature map)`,
  ];
  const rule = '─'.repeat(Math.max(...lines.map((l) => [...l].length)));
  return [lines[0], rule, ...lines.slice(1), rule, ...totals].join('\n');
}

interface JsonField {
  readonly size: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];
}

function jsonField(rf: ReceptiveField | null): JsonField | null {
  return rf === null ? null : { size: rf.size, stride: rf.stride, padding: rf.padding };
}

/** The --json object: model, input, totals, top-level receptive field and every row. */
export function toJson(a: Analysis) {
  return {
    model: a.network,
    input: a.input,
    params: a.params.total,
    macs: a.macs,
    auxMacs: a.auxMacs,
    receptiveField: jsonField(a.receptiveField),
    layers: a.rows.map((r) => ({
      name: r.name,
      kind: r.kind,
      output: r.output,
      params: r.params.total,
      macs: r.macs,
      ...(r.trainingOnly ? { trainingOnly: true } : {}),
      receptiveField: jsonField(r.receptiveField),
    })),
  };
}

const FORMAT_NAMES: Readonly<Record<Format, string>> = {
  pytorch: "PyTorch print(model)",
  caffe: 'Caffe prototxt',
  json: 'network JSON',
};

/**
 * How a pasted network was read: one entry per rule and explanation, with every module it applied
 * to ("layer1.0 (line 12)"), in the order the rules were first used.
 */
export function renderWiring(format: Format, notes: readonly WiringNote[]): string {
  const groups = new Map<string, { rule: string; text: string; where: string[] }>();
  for (const n of notes) {
    const key = `${n.rule}\u0000${n.text}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { rule: n.rule, text: n.text, where: [] };
      groups.set(key, g);
    }
    if (n.module !== '') g.where.push(n.line === null ? n.module : `${n.module} (line ${n.line})`);
  }
  const lines = [`wiring  read as ${FORMAT_NAMES[format]}; rules applied:`];
  for (const g of groups.values()) {
    lines.push(`  ${g.rule}: ${g.text}`);
    if (g.where.length > 0) lines.push(`    at ${g.where.join(', ')}`);
  }
  return lines.join('\n');
}
