/**
 * Real print(model) texts of torchvision 0.28 (tests/fixtures/paste/pytorch) against (1) the
 * registry's model of the same network, compared through analyse() on both sides, and (2) the
 * exact figures torch's forward hooks gave (generate.py: params = Σ p.numel(); MACs and output
 * shape of every Conv2d/Linear call in one eval-mode pass).
 */
import { describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../src/calc/index';
import { getNetwork, type NetworkOptions } from '../../src/models/registry';
import { parseNetwork } from '../../src/parse/index';
import { KNOWN } from '../../src/parse/pytorch/known';
import { figures, hookFigures, reprText } from './fixtures';

function parsed(id: string) {
  const f = hookFigures(id);
  return parseNetwork(reprText(id), { input: [f.input[1], f.input[2]] });
}

/** Every Conv2d/Linear call the hooks saw has a node of the same module path with the same output and MACs. */
function expectModulesMatch(id: string, a: Analysis): void {
  const rows = new Map(a.rows.map((r) => [r.name, r]));
  const f = hookFigures(id);
  expect(f.modules.length).toBeGreaterThan(0);
  for (const call of f.modules) {
    const row = rows.get(call.name);
    expect(row, call.name).toBeDefined();
    expect({ name: call.name, output: row?.output, macs: row?.macs }).toEqual({ name: call.name, output: call.output, macs: call.macs });
  }
}

// Fixture → registry model with the same torchvision build.
const REGISTRY: readonly (readonly [string, string, NetworkOptions])[] = [
  ['alexnet', 'alexnet', {}],
  ...(['vgg11', 'vgg11_bn', 'vgg13', 'vgg13_bn', 'vgg16', 'vgg16_bn', 'vgg19', 'vgg19_bn'] as const).map((v) => [v, v, {}] as const),
  ['googlenet', 'googlenet', { aux: false }],
  ['googlenet_aux', 'googlenet', { aux: true }],
  ['inception_v3', 'inception_v3', { aux: true }],
  ['inception_v3_noaux', 'inception_v3', { aux: false }],
  ...(['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152'] as const).map((v) => [v, v, {}] as const),
];

describe('pasted torchvision reprs = the registry (through analyse on both sides)', () => {
  it('fixtures record their versions', () => {
    expect(figures.torch).toBe('2.13.0+cpu');
    expect(figures.torchvision).toBe('0.28.0+cu130');
  });

  it.each(REGISTRY)('%s = registry %s %j: params, MACs, receptive field, output', (fixture, id, options) => {
    const mine = analyse(parsed(fixture).network);
    const theirs = analyse(getNetwork(id, options));
    expect(mine.params).toEqual(theirs.params);
    expect(mine.macs).toBe(theirs.macs);
    expect(mine.receptiveField).toEqual(theirs.receptiveField);
    expect(mine.input).toEqual(theirs.input);
    expect(mine.output).toEqual(theirs.output);
    // Block rows carry torchvision's module paths, as the registry's do.
    const blocks = (a: Analysis) => new Map(a.rows.filter((r) => r.kind === 'block').map((r) => [r.name, [r.params.total, r.macs]]));
    const mineBlocks = blocks(mine);
    for (const [name, counts] of blocks(theirs)) expect(mineBlocks.get(name), name).toEqual(counts);
  });

  it.each(REGISTRY.map(([f]) => f))('%s matches the hook figures module by module', (fixture) => {
    const a = analyse(parsed(fixture).network);
    expect(a.params.total).toBe(hookFigures(fixture).params);
    expectModulesMatch(fixture, a);
  });

  it.each(['googlenet', 'inception_v3_noaux', 'resnet50', 'vgg16', 'alexnet'])('%s (no aux heads): total MACs = the eval-mode hook total', (fixture) => {
    expect(analyse(parsed(fixture).network).macs).toBe(hookFigures(fixture).macs);
  });
});

describe('beyond the registry: exact hook figures', () => {
  it.each([
    // torchvision's model pages: ResNeXt50_32X4D 25,028,904 params / 4.23 GFLOPS; Wide_ResNet50_2 68,883,240 / 11.4;
    // MobileNet_V2 3,504,872 / 0.3. The hook figures are exact.
    ['resnext50_32x4d', 25_028_904, 4_230_479_872],
    ['wide_resnet50_2', 68_883_240, 11_398_021_120],
    ['mobilenet_v2', 3_504_872, 300_774_272],
    ['custom', 59_082, 9_508_096],
  ])('%s: params %i, MACs %i, every Conv2d/Linear', (fixture, params, macs) => {
    const f = hookFigures(fixture);
    expect([f.params, f.macs]).toEqual([params, macs]);
    const a = analyse(parsed(fixture).network);
    expect(a.params.total).toBe(f.params);
    expect(a.macs).toBe(f.macs);
    expect(a.output).toEqual(f.output);
    expectModulesMatch(fixture, a);
  });
});

describe('wiring rules', () => {
  const notesOf = (fixture: string) => parsed(fixture).wiring;

  it('every class in the known table is used by a fixture, and that fixture matches its hooks', () => {
    const fixtures = Object.keys(figures.models);
    const used = new Set(fixtures.flatMap((f) => notesOf(f).filter((n) => n.rule === 'known-class').map((n) => /\(([^)]+)\)$/.exec(n.module)?.[1] ?? n.module)));
    for (const cls of Object.keys(KNOWN)) expect(used, cls).toContain(cls);
  });

  it('BasicBlock / Bottleneck: downsample on the block input, added to the main path, then ReLU', () => {
    const net = parsed('resnet50').network;
    const node = (name: string) => net.layers.find((l) => l.name === name);
    expect(node('layer2.0.downsample.0')?.from).toBe('layer1');
    expect(node('layer2.0.conv1')?.from).toBe('layer1');
    expect(node('layer2.0.add')).toMatchObject({ kind: 'add', from: ['layer2.0.bn3', 'layer2.0.downsample'] });
    expect(node('layer2.1.add')).toMatchObject({ kind: 'add', from: ['layer2.1.bn3', 'layer2.0'] });
    expect(node('layer2.1.relu')).toMatchObject({ kind: 'act', from: 'layer2.1.add' });
    const r18 = parsed('resnet18').network;
    expect(r18.layers.find((l) => l.name === 'layer1.0.add')).toMatchObject({ from: ['layer1.0.bn2', 'maxpool'] });
  });

  it('GoogLeNet: Inception concatenates four branches on the block input; aux heads branch off 4a and 4d', () => {
    const net = parsed('googlenet_aux').network;
    const node = (name: string) => net.layers.find((l) => l.name === name);
    expect(node('inception3a.concat')?.from).toEqual(['inception3a.branch1', 'inception3a.branch2', 'inception3a.branch3', 'inception3a.branch4']);
    expect(node('inception3a.branch4.0')).toMatchObject({ kind: 'maxpool', kernel: 3, stride: 1, padding: 1, ceil: true, from: 'maxpool2' });
    expect(node('aux1.avgpool')).toMatchObject({ kind: 'adaptiveavgpool', output: 4, from: 'inception4a' });
    expect(node('inception4b.branch1.conv')?.from).toBe('inception4a');
    expect(node('aux2.avgpool')?.from).toBe('inception4d');
    expect(node('inception4e.branch1.conv')?.from).toBe('inception4d');
    const sides = parsed('googlenet_aux').wiring.filter((n) => n.rule === 'side-branch').map((n) => n.module);
    expect(sides).toEqual(['aux1 (InceptionAux)', 'aux2 (InceptionAux)']);
  });

  it('Inception v3: functional pools of InceptionA–E and AuxLogits as a side branch on Mixed_6e', () => {
    const net = parsed('inception_v3').network;
    const node = (name: string) => net.layers.find((l) => l.name === name);
    expect(node('Mixed_5b.pool')).toMatchObject({ kind: 'avgpool', kernel: 3, stride: 1, padding: 1, from: 'maxpool2' });
    expect(node('Mixed_6a.branch_pool')).toMatchObject({ kind: 'maxpool', kernel: 3, stride: 2, from: 'Mixed_5d' });
    expect(node('Mixed_7b.branch3x3_cat')?.from).toEqual(['Mixed_7b.branch3x3_2a', 'Mixed_7b.branch3x3_2b']);
    expect(node('AuxLogits.avgpool')).toMatchObject({ kind: 'avgpool', kernel: 5, stride: 3, from: 'Mixed_6e' });
    expect(node('Mixed_7a.branch3x3_1.conv')?.from).toBe('Mixed_6e');
  });

  it('MobileNetV2: InvertedResidual adds its input exactly when stride 1 and in = out channels (10 times)', () => {
    const net = parsed('mobilenet_v2').network;
    const adds = net.layers.filter((l) => l.kind === 'add').map((l) => l.name);
    expect(adds).toEqual(['features.3.add', 'features.5.add', 'features.6.add', 'features.8.add', 'features.9.add', 'features.10.add', 'features.12.add', 'features.13.add', 'features.15.add', 'features.16.add']);
    expect(net.layers.find((l) => l.name === 'avgpool')).toMatchObject({ kind: 'adaptiveavgpool', output: 1, from: 'features' });
  });

  it('Linear after a feature map: flatten when in_features = C·H·W, global pool when = C, each reported', () => {
    const custom = parsed('custom');
    expect(custom.wiring.filter((n) => n.rule.startsWith('inferred'))).toEqual([
      { line: 26, module: 'classifier.1 (Linear)', rule: 'inferred-global-pool', text: 'in_features 128 = C of the 128×4×4 map: forward() pools globally, then flattens' },
    ]);
    const flat = parseNetwork('Net(\n  (conv): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))\n  (fc): Linear(in_features=800, out_features=10, bias=True)\n)', { input: [12, 12] });
    expect(flat.wiring.filter((n) => n.rule === 'inferred-flatten')).toEqual([
      { line: 3, module: 'fc (Linear)', rule: 'inferred-flatten', text: 'in_features 800 = 8·10·10: forward() flattens the 8×10×10 map first' },
    ]);
    expect(analyse(flat.network).macs).toBe(8 * 27 * 100 + 800 * 10);
  });

  it('an unknown block with a downsample child: other children in order, downsample on the block input, added', () => {
    const net = parsed('custom').network;
    expect(net.layers.find((l) => l.name === 'block.downsample.0')?.from).toBe('stem');
    expect(net.layers.find((l) => l.name === 'block.add')?.from).toEqual(['block.bn2', 'block.downsample']);
    const w = parsed('custom').wiring.map((n) => [n.rule, n.module]);
    expect(w).toContainEqual(['branch-on-input', 'block.downsample (Sequential)']);
    expect(w).toContainEqual(['assumed-sequence', 'block (DilatedGroupedBlock)']);
  });

  it('a class named like a known one but with other children falls back to the generic rules', () => {
    const text = reprText('resnet18').replace('(conv2): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)', '(conv2): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)\n      (extra): Identity()');
    const w = parseNetwork(text).wiring;
    expect(w.find((n) => n.module === 'layer1.0 (BasicBlock)')?.rule).toBe('assumed-sequence');
    expect(w.find((n) => n.module === 'layer1.1 (BasicBlock)')?.rule).toBe('known-class');
  });

  it('the default input is 299 for Inception3 and 224 otherwise; channels come from the first Conv2d', () => {
    expect(parseNetwork(reprText('inception_v3')).network.input).toEqual([3, 299, 299]);
    expect(parseNetwork(reprText('resnet18')).network.input).toEqual([3, 224, 224]);
    expect(parseNetwork(reprText('resnet18'), { input: [320, 256] }).network.input).toEqual([3, 320, 256]);
  });
});

describe('aux heads are marked as training-only, as the registry marks them', () => {
  it.each(['googlenet_aux', 'inception_v3'])('%s: exactly the aux blocks carry trainingOnly', (fixture) => {
    const marked = parsed(fixture).network.layers.filter((l) => l.kind === 'block' && l.trainingOnly === true).map((l) => l.name);
    expect(marked).toEqual(fixture === 'inception_v3' ? ['AuxLogits'] : ['aux1', 'aux2']);
  });
});

describe('settings the repr does not print', () => {
  it("AvgPool2d's hidden ceil_mode is read as False, and reported only where True would change the size", () => {
    // custom.txt: AvgPool2d(kernel_size=2, stride=2) on 8×8 → 4×4 either way: no note.
    expect(parsed('custom').wiring.filter((n) => n.rule === 'assumed-default')).toEqual([]);
    const odd = parseNetwork('Net(\n  (c): Conv2d(3, 4, kernel_size=(1, 1), stride=(1, 1))\n  (p): AvgPool2d(kernel_size=2, stride=2, padding=0)\n)', { input: [9, 9] });
    expect(analyse(odd.network).output).toEqual([4, 4, 4]);
    expect(odd.wiring.filter((n) => n.rule === 'assumed-default')).toEqual([
      { line: 3, module: 'p (AvgPool2d)', rule: 'assumed-default', text: "AvgPool2d's repr does not show ceil_mode: read as False (4×4); ceil_mode=True would give 5×5" },
    ]);
  });

  it('BatchNorm1d after a Linear counts γ and β of the features', () => {
    const net = parseNetwork('Net(\n  (c): Conv2d(3, 4, kernel_size=(1, 1), stride=(1, 1))\n  (fc): Linear(in_features=4, out_features=6, bias=False)\n  (bn): BatchNorm1d(6, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n)', { input: [5, 5] });
    expect(analyse(net.network).params.bn).toBe(12);
  });
});
