/**
 * Bad input: every failure is a ParseError naming the line, the module and the shapes, within a
 * time limit and without a word on the console. Includes fuzzing with fast-check.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyse } from '../../src/calc/index';
import { isParseError, LIMITS, networkToJson, parseNetwork, ParseError } from '../../src/parse/index';
import { prototxt, reprText } from './fixtures';

function errorOf(text: string, options = {}): ParseError {
  try {
    parseNetwork(text, options);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('no error');
}

/** Parsing either succeeds with a network analyse() accepts, or fails with a ParseError; never anything else. */
function parsesOrFailsCleanly(text: string): void {
  try {
    const p = parseNetwork(text);
    analyse(p.network);
  } catch (e) {
    if (!isParseError(e)) throw e;
    expect(e.message).not.toBe('');
  }
}

const spies: ReturnType<typeof vi.spyOn>[] = [];
beforeEach(() => {
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) spies.push(vi.spyOn(console, m));
});
afterEach(() => {
  for (const s of spies) expect(s, 'nothing logged').not.toHaveBeenCalled();
  spies.splice(0).forEach((s) => s.mockRestore());
});

describe('PyTorch repr errors point at the line', () => {
  const resnet18 = reprText('resnet18');
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('an unknown leaf module: its line, path and type', () => {
    const text = resnet18.replace('(relu): ReLU(inplace=True)', '(relu): FancyAct(inplace=True)');
    const e = errorOf(text);
    expect(e.code).toBe('unknown-module');
    expect(e.line).toBe(lineOf(text, 'FancyAct'));
    expect(e.message).toMatch(/^line 4: relu \(FancyAct\): unknown module "FancyAct" without children; known leaf modules: Conv2d, /);
  });

  it('a Conv2d whose in_channels disagree with the tensor: line, module and both shapes', () => {
    const text = resnet18.replace('(conv1): Conv2d(64, 128, kernel_size=(3, 3), stride=(2, 2)', '(conv1): Conv2d(32, 128, kernel_size=(3, 3), stride=(2, 2)');
    const e = errorOf(text);
    expect(e).toMatchObject({ code: 'shape-mismatch', line: lineOf(text, 'Conv2d(32, 128'), module: 'layer2.0.conv1 (Conv2d)' });
    expect(e.problem).toBe('expects 32 input channels (C×H×W), but the tensor reaching it is 64×56×56');
  });

  it('a Linear that is neither C·H·W nor C', () => {
    const text = resnet18.replace('in_features=512', 'in_features=500');
    const e = errorOf(text);
    expect(e).toMatchObject({ code: 'shape-mismatch', module: 'fc (Linear)', line: lineOf(text, 'in_features=500') });
    expect(e.problem).toBe('expects in_features 500, but the tensor reaching it is 512');
    const custom = errorOf('Net(\n  (c): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))\n  (fc): Linear(in_features=9, out_features=2, bias=True)\n)');
    expect(custom.message).toBe('line 3: fc (Linear): expects in_features 9, which is neither C·H·W = 8192 nor C = 8 of the feature map, but the tensor reaching it is 8×222×222'.replace('8192', String(8 * 222 * 222)));
  });

  it('a window too large for the map: the core problem with the input shape', () => {
    const text = reprText('alexnet');
    const e = errorOf(text, { input: [32, 32] });
    expect(e).toMatchObject({ code: 'shape-mismatch', line: lineOf(text, '(12): MaxPool2d'), module: 'features.12 (MaxPool2d)' });
    expect(e.problem).toBe('kernel 3 does not fit a 1×1 input (input 256×1×1)');
  });

  it('unsupported modules say why', () => {
    expect(errorOf('M(\n  (up): Upsample(scale_factor=2.0, mode=\'nearest\')\n  (c): Conv2d(3, 3, kernel_size=(1, 1), stride=(1, 1))\n)').message).toBe(
      'line 2: up (Upsample): upsampling is not a layer kind of the calc core',
    );
  });
});

describe('fuzz: truncated, unbalanced, huge, large, markup', () => {
  it('every truncation of a repr and a prototxt fails cleanly or parses (a truncated prototxt can end between layers)', () => {
    for (const text of [reprText('resnet50'), reprText('inception_v3'), prototxt('bvlc_googlenet')]) {
      for (let cut = 1; cut < text.length; cut += Math.max(1, Math.floor(text.length / 400))) parsesOrFailsCleanly(text.slice(0, cut));
    }
    const e = errorOf(reprText('resnet50').slice(0, 5000));
    expect(e.code).toBe('syntax');
    expect(e.problem).toMatch(/\(truncated text\?\)$/);
    expect(errorOf('ResNet(\n  (a): ReLU()\n').problem).toBe('"ResNet(" is never closed (truncated text?)');
  });

  it('unbalanced parentheses are syntax errors at their line', () => {
    const text = reprText('vgg16').replace('(0): Conv2d(3, 64, kernel_size=(3, 3)', '(0): Conv2d(3, 64, kernel_size=(3, 3');
    expect(errorOf(text)).toMatchObject({ code: 'syntax', line: 3 });
    expect(errorOf('VGG(\n  (a): ReLU()\n)\n)')).toMatchObject({ code: 'syntax', line: 4 });
    expect(errorOf('name: "x"\nlayer { name: "a" }\n}')).toMatchObject({ code: 'syntax', line: 3 });
  });

  it('random edits of real texts (fast-check): a ParseError or a valid network, nothing else', () => {
    const texts = [reprText('mobilenet_v2'), reprText('custom'), prototxt('bvlc_alexnet')];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ unit: fc.constantFrom('(', ')', '{', '}', ',', ':', '=', '\n', ' ', '"', '9', '-', 'x', '0') })), { maxLength: 5 }),
        (i, edits) => {
          let text = texts[i] as string;
          for (const [at, del, ins] of edits) {
            const p = at % (text.length + 1);
            text = text.slice(0, p) + ins + text.slice(p + del);
          }
          parsesOrFailsCleanly(text);
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it('huge numbers are typed errors, not Infinity or a wrong count', () => {
    const big = errorOf('M(\n  (c): Conv2d(3, 99999999999999999999, kernel_size=(3, 3), stride=(1, 1))\n)');
    expect(big).toMatchObject({ code: 'too-large', line: 2 });
    expect(big.message).toBe('line 2: c (Conv2d): out_channels 100000000000000000000 is beyond exact whole numbers');
    const overflow = errorOf('M(\n  (c): Conv2d(3, 1e309, kernel_size=(3, 3), stride=(1, 1))\n)');
    expect(overflow.code).toBe('bad-value');
    const product = errorOf('M(\n  (c): Conv2d(3, 4000000000, kernel_size=(3, 3), stride=(1, 1))\n  (d): Conv2d(4000000000, 4000000000, kernel_size=(3, 3), stride=(1, 1))\n)', { input: [100000, 100000] });
    expect(product).toMatchObject({ code: 'too-large', line: 2 });
    expect(errorOf('input: "d"\ninput_shape { dim: 1 dim: 3 dim: 1e400 dim: 8 }\nlayer { name: "r" type: "ReLU" bottom: "d" top: "d" }').code).toBe('bad-value');
  });

  it('10 MB of input: a size message at once', () => {
    const text = reprText('resnet152').repeat(Math.ceil(10e6 / reprText('resnet152').length));
    const t0 = performance.now();
    const e = errorOf(text);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^the text has 10\.\d million characters; the limit is 2 million/);
  });

  it('just under the size limit: deep nesting and many modules are refused, fast', () => {
    const deep = `${'(a): Sequential(\n'.repeat(LIMITS.depth + 1)}`;
    const t0 = performance.now();
    expect(errorOf(`M(\n${deep}`)).toMatchObject({ code: 'too-large', problem: `modules nested deeper than ${LIMITS.depth} levels` });
    const many = `M(\n${'  (r): ReLU()\n'.repeat(LIMITS.nodes + 1)})`;
    expect(many.length).toBeLessThan(LIMITS.chars);
    expect(errorOf(many)).toMatchObject({ code: 'too-large', problem: `more than ${LIMITS.nodes} modules` });
    const braces = `${'a {\n'.repeat(LIMITS.depth + 2)}`;
    expect(errorOf(braces).code).toBe('too-large');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it.each([
    ['<script>alert(1)</script>', 'unknown-format'],
    ['<img src=x onerror=alert(1)>', 'unknown-format'],
    ['ResNet(\n  (a): <b>Conv2d</b>(3, 4)\n)', 'syntax'],
    ['   \n\t\n', 'empty'],
    ['{"layers": "no"}', 'syntax'],
    ['{"input": [3, 8, 8], "layers": [{"kind": "conv"}]}', 'syntax'],
    ['{ not json', 'syntax'],
    ['name: "x"\n', 'empty'],
  ])('%j → %s', (text, code) => {
    expect(errorOf(text).code).toBe(code);
  });
});

describe('network JSON round trip', () => {
  it('parse → networkToJson → parse gives the same analysis, for every format', () => {
    for (const text of [reprText('resnet50'), reprText('googlenet_aux'), prototxt('bvlc_googlenet')]) {
      const first = parseNetwork(text);
      const again = parseNetwork(networkToJson(first.network));
      expect(again.format).toBe('json');
      expect(again.network).toEqual(first.network);
      expect(analyse(again.network)).toEqual(analyse(first.network));
    }
  });

  it('a bad layer inside JSON is left to the core, whose typed error names it', () => {
    const p = parseNetwork('{"input": [3, 8, 8], "layers": [{"name": "c", "kind": "conv", "out": -1, "kernel": 3}]}');
    expect(() => analyse(p.network)).toThrow(/^c: out must be/);
  });
});

describe('refused by name, never misread', () => {
  it('SqueezeExcitation (MobileNet v3, EfficientNet) and DenseNet blocks are unsupported, at their line', () => {
    const se = `Block(
  (conv): Conv2d(16, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
  (se): SqueezeExcitation(
    (avgpool): AdaptiveAvgPool2d(output_size=1)
    (fc1): Conv2d(16, 4, kernel_size=(1, 1), stride=(1, 1))
    (fc2): Conv2d(4, 16, kernel_size=(1, 1), stride=(1, 1))
    (activation): ReLU()
    (scale_activation): Hardsigmoid()
  )
)`;
    expect(errorOf(se)).toMatchObject({ code: 'unsupported', line: 3, module: 'se (SqueezeExcitation)' });
  });
});

describe("ModuleList's compressed runs (PyTorch ≥ 2.0 prints '(0-2): 3 x Module(')", () => {
  it('a run of leaves and a run of blocks expand to the same network as the full listing', () => {
    const block = (i: number) => `    (${i}): Blk(\n      (conv): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n      (relu): ReLU()\n    )`;
    const full = `Net(\n  (stem): Conv2d(3, 8, kernel_size=(1, 1), stride=(1, 1))\n  (blocks): ModuleList(\n${[0, 1, 2].map(block).join('\n')}\n  )\n  (acts): ModuleList(\n    (0): ReLU()\n    (1): ReLU()\n  )\n)`;
    const short = `Net(\n  (stem): Conv2d(3, 8, kernel_size=(1, 1), stride=(1, 1))\n  (blocks): ModuleList(\n    (0-2): 3 x Blk(\n      (conv): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n      (relu): ReLU()\n    )\n  )\n  (acts): ModuleList(\n    (0-1): 2 x ReLU()\n  )\n)`;
    const a = parseNetwork(full, { input: [16, 16] }).network;
    const b = parseNetwork(short, { input: [16, 16] }).network;
    expect(b.layers).toEqual(a.layers);
    expect(b.layers.map((l) => l.name)).toContain('blocks.2.conv');
    expect(errorOf(short.replace('3 x Blk', '4 x Blk'))).toMatchObject({ code: 'syntax', line: 4 });
  });
});
