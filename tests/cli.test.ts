import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/calc/index';
import { parseArgs, parseInput, UsageError } from '../src/cli/args';
import { alignColumns, renderTable, toJson } from '../src/cli/report';
import { getNetwork } from '../src/models/registry';

/** Runs the real CLI through npx (the project's pinned Node). */
function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('parseArgs', () => {
  it('reads a model and defaults', () => {
    expect(parseArgs(['vgg16'])).toEqual({ help: false, model: 'vgg16', options: {}, json: false });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(parseArgs(['resnet50', '--input', '320x256', '--stride-on=1x1', '--output-stride', '16', '--json', '--no-aux'])).toEqual({
      help: false,
      model: 'resnet50',
      input: [320, 256],
      options: { strideOn: '1x1', outputStride: 16, aux: false },
      json: true,
    });
    expect(parseArgs(['googlenet', '--aux', '--input=299'])).toMatchObject({ input: [299, 299], options: { aux: true } });
  });

  it('help wins', () => {
    expect(parseArgs(['vgg16', '--help'])).toEqual({ help: true });
    expect(parseArgs(['-h'])).toEqual({ help: true });
  });

  it.each([
    [['vgg16', '--input', '0'], '--input sizes must be positive, got "0"'],
    [['vgg16', '--input', '2.5'], '--input takes N or HxW with whole numbers, got "2.5"'],
    [['vgg16', '--input', '-3'], '--input takes N or HxW with whole numbers, got "-3"'],
    [['vgg16', '--input'], '--input needs a value'],
    [['vgg16', '--stride-on', '5x5'], '--stride-on must be one of 1x1, 3x3, got "5x5"'],
    [['vgg16', '--output-stride', '4'], '--output-stride must be one of 8, 16, 32, got "4"'],
    [['vgg16', '--json=yes'], '--json takes no value'],
    [['vgg16', '--frobnicate'], 'unknown option "--frobnicate" (see --help)'],
    [['vgg16', 'vgg19'], 'one model at a time, got "vgg16" and "vgg19"'],
    [['--json'], 'no model given (see --help)'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });

  it('parseInput takes N, HxW and H×W', () => {
    expect(parseInput('224')).toEqual([224, 224]);
    expect(parseInput('224x320')).toEqual([224, 320]);
    expect(parseInput('224×320')).toEqual([224, 320]);
    expect(() => parseInput('1x2x3')).toThrow(UsageError);
  });
});

describe('report', () => {
  it('aligns columns', () => {
    expect(alignColumns([['a', '1'], ['bbb', '22']], ['left', 'right'])).toEqual(['a     1', 'bbb  22']);
  });

  it('table lists every row and labelled totals', () => {
    const text = renderTable(analyse(getNetwork('vgg16')));
    expect(text).toContain('features.28 (conv5_3)');
    expect(text).toContain('params  138,357,544 (138.4 M)');
    expect(text).toContain('MACs    15,470,264,320 (15.47 G)');
    expect(text).toContain('GFLOPs (torchvision column) = MACs/1e9 = 15.470');
    expect(text).toContain('RF      212×212, stride 32×32, padding 90×90');
  });

  it('json has the agreed keys', () => {
    const j = toJson(analyse(getNetwork('alexnet')));
    expect(Object.keys(j)).toEqual(['model', 'input', 'params', 'macs', 'auxMacs', 'receptiveField', 'layers']);
    expect(Object.keys(j.layers[0] ?? {})).toEqual(['name', 'kind', 'output', 'params', 'macs', 'receptiveField']);
  });
});

describe('the real CLI', () => {
  it('--json prints exactly one JSON object', () => {
    const r = cli('vgg16', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as ReturnType<typeof toJson>;
    expect(j.model).toBe('vgg16');
    expect(j.input).toEqual([3, 224, 224]);
    expect(j.params).toBe(138_357_544);
    expect(j.macs).toBe(15_470_264_320);
    expect(j.receptiveField).toEqual({ size: [212, 212], stride: [32, 32], padding: [90, 90] });
    expect(j.layers.at(-1)).toEqual({ name: 'classifier.6', kind: 'linear', output: [1000], params: 4_097_000, macs: 4_096_000, receptiveField: null });
  });

  // https://pytorch.org/vision/stable/models/generated/torchvision.models.inception_v3.html
  // (Inception_V3_Weights.IMAGENET1K_V1: GFLOPS 5.71, _ops 5.713 in torchvision/models/inception.py)
  it('inception_v3 quotes torchvision\'s eval-mode 5.713 GFLOPS and the aux head apart', () => {
    const r = cli('inception_v3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('GFLOPs (torchvision column) = MACs/1e9 = 5.713');
    expect(r.stdout).toContain('training-mode forward adds 5,683,200 MACs (5.683 M) for the aux heads');
    const j = JSON.parse(cli('inception_v3', '--json').stdout) as ReturnType<typeof toJson>;
    expect(j.macs).toBe(5_713_216_096);
    expect(j.auxMacs).toBe(5_683_200);
    expect(j.params).toBe(27_161_264);
  });

  it('--help states the MAC and receptive-field conventions', () => {
    const r = cli('--help');
    expect(r.stdout).toContain('eval-mode forward pass');
    expect(r.stdout).toContain('last spatial feature map');
    expect(r.stdout).toContain('inception5b');
  });

  it('--input changes the input size', () => {
    const j = JSON.parse(cli('alexnet', '--input', '256x320', '--json').stdout) as ReturnType<typeof toJson>;
    expect(j.input).toEqual([3, 256, 320]);
  });

  it.each([
    [['nonexistent'], 1, /^calc: nonexistent: unknown network; known ids: alexnet, /],
    [['vgg16', '--input', '16'], 1, /^calc: features\.30: kernel 2 does not fit a 1×1 input$/],
    [['vgg16', '--stride-on', '1x1'], 1, /^calc: vgg16: option "strideOn" does not apply to this model/],
    [['vgg16', '--bogus'], 2, /^calc: unknown option "--bogus"/],
  ])('%j exits %i with one line on stderr', (args, status, line) => {
    const r = cli(...args);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  it('no arguments: usage on stderr, exit 2; --help: usage on stdout, exit 0', () => {
    const none = cli();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^Usage: /);
    const help = cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: /);
  });
});

describe('--from: a pasted network', () => {
  const FIX = 'tests/fixtures/paste';

  it('parseArgs reads --from, --input and --network; refuses mixing with a model or model options', () => {
    expect(parseArgs(['--from', 'x.txt', '--input', '299'])).toEqual({ help: false, from: 'x.txt', options: {}, json: false, input: [299, 299] });
    expect(parseArgs(['--from=x.txt', '--network'])).toEqual({ help: false, from: 'x.txt', options: {}, json: false, network: true });
    expect(() => parseArgs(['vgg16', '--from', 'x'])).toThrow(new UsageError('a model id or --from, not both (got "vgg16" and --from)'));
    expect(() => parseArgs(['--from', 'x', '--aux'])).toThrow(new UsageError('--from takes only --input, --json and --network; aux apply to built-in models'));
    expect(() => parseArgs(['--from', 'x', '--network', '--json'])).toThrow(new UsageError('--network and --json are two different outputs; give one'));
    expect(() => parseArgs(['vgg16', '--network'])).toThrow(new UsageError('--network needs --from'));
  });

  it('a torchvision repr: the same table and totals as the built-in model, then the wiring rules with their lines', () => {
    const r = cli('--from', `${FIX}/pytorch/resnet50.txt`);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const builtIn = renderTable(analyse(getNetwork('resnet50')));
    const totals = (t: string) => t.split('\n').filter((l) => /^(params|MACs|GFLOPs|RF) /.test(l));
    expect(totals(r.stdout)).toEqual(totals(builtIn));
    expect(r.stdout).toContain('wiring  read as PyTorch print(model); rules applied:');
    expect(r.stdout).toContain('  known-class: torchvision Bottleneck: conv1 → bn1 → relu → conv2 → bn2 → relu → conv3 → bn3, + (downsample(x) or x), relu');
    expect(r.stdout).toMatch(/\n {4}at layer1\.0 \(Bottleneck\) \(line 7\), layer1\.1 \(Bottleneck\) \(line 20\), /);
    expect(r.stdout).toContain('  known-class: torchvision ResNet: conv1 → bn1 → relu → maxpool → layer1…layer4 → avgpool → torch.flatten → fc\n    at ResNet (line 1)');
  });

  it('--json: the built-in model\'s keys plus the format and the wiring notes', () => {
    const r = cli('--from', `${FIX}/pytorch/mobilenet_v2.txt`, '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as ReturnType<typeof toJson> & { format: string; wiring: { rule: string; module: string; line: number }[] };
    expect(Object.keys(j)).toEqual(['model', 'input', 'params', 'macs', 'auxMacs', 'receptiveField', 'layers', 'format', 'wiring']);
    // torch forward hooks on torchvision 0.28's mobilenet_v2 (tests/fixtures/paste/pytorch/figures.json).
    expect([j.model, j.format, j.params, j.macs]).toEqual(['MobileNetV2', 'pytorch', 3_504_872, 300_774_272]);
    expect(j.wiring).toContainEqual({ line: 3, module: 'features.0 (Conv2dNormActivation)', rule: 'sequence', text: 'Conv2dNormActivation runs its children in order' });
  });

  it('a Caffe prototxt, with --input; --network prints JSON that --from reads back', () => {
    const r = cli('--from', `${FIX}/caffe/bvlc_alexnet.deploy.prototxt`, '--json');
    const j = JSON.parse(r.stdout) as ReturnType<typeof toJson>;
    expect([j.model, j.params, j.macs]).toEqual(['AlexNet', 60_965_224, analyse(getNetwork('alexnet_2012')).macs]);
    const big = JSON.parse(cli('--from', `${FIX}/caffe/bvlc_alexnet.deploy.prototxt`, '--input', '259', '--json').stdout) as ReturnType<typeof toJson>;
    expect(big.input).toEqual([3, 259, 259]);
    const net = cli('--from', `${FIX}/caffe/bvlc_googlenet.deploy.prototxt`, '--network');
    expect(net.status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'paste-'));
    const file = join(dir, 'googlenet.json');
    writeFileSync(file, net.stdout);
    const back = JSON.parse(cli('--from', file, '--json').stdout) as ReturnType<typeof toJson> & { format: string };
    expect([back.format, back.params]).toEqual(['json', 6_998_552]);
    rmSync(dir, { recursive: true });
  });

  it.each([
    [['--from', 'no/such/file.txt'], 2, /^calc: cannot read --from no\/such\/file\.txt: ENOENT/],
    [['--from', 'tests/fixtures/paste/README.md'], 1, /^calc: the text starts with "Real inputs nobody here wrote\. CI reads ", which is neither print\(model\) output/],
  ])('%j exits %i with one line on stderr', (args, status, line) => {
    const r = cli(...args);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(line);
  });
});
