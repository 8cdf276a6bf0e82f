import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, CalcError, isCalcError } from '../../src/calc/index';
import { escapeHtml } from '../../src/widget/html';
import { modelExplorer } from '../../components/widgets/ModelExplorer/explorer-widget';
import { getNetwork, networkIds } from '../../src/models/registry';
import {
  activeFields,
  blameExplorer,
  explore,
  explorerDefaults,
  explorerLabels,
  ExplorerError,
  layerTableHtml,
  optionsFor,
  parseExplorer,
  renderExplorer,
  rfSeries,
  summaryLine,
  tickStep,
  type ExplorerValues,
} from '../../components/widgets/ModelExplorer/model-explorer';

const v = (o: Partial<ExplorerValues> = {}): ExplorerValues => ({ ...explorerDefaults, ...o }) as ExplorerValues;

describe('fields follow networkOptions()', () => {
  it('shows only the options a model takes', () => {
    expect(activeFields(v({ model: 'resnet50' }))).toEqual(['model', 'stride', 'os', 'size', 'vs']);
    expect(activeFields(v({ model: 'resnet18' }))).toEqual(['model', 'os', 'size', 'vs']);
    expect(activeFields(v({ model: 'inception_v3', vs: 'googlenet' }))).toEqual(['model', 'aux', 'size', 'vs', 'vsAux']);
    expect(activeFields(v({ model: 'vgg16', vs: 'resnet101' }))).toEqual(['model', 'size', 'vs', 'vsStride', 'vsOs']);
    expect(activeFields(v({ model: 'xception' }))).toEqual(['model', 'size', 'vs']);
  });

  it('maps fields to NetworkOptions, ignoring fields of options the model does not take', () => {
    expect(optionsFor(v({ model: 'resnet50', os: '8', stride: '1x1', aux: 'on' }), 'a')).toEqual({ strideOn: '1x1', outputStride: 8 });
    expect(optionsFor(v({ model: 'inception_v3', aux: 'off', os: '8' }), 'a')).toEqual({ aux: false });
    expect(optionsFor(v({ model: 'googlenet', aux: 'default' }), 'a')).toEqual({});
    expect(optionsFor(v({ vs: 'resnet152', vsOs: '16' }), 'b')).toEqual({ strideOn: '3x3', outputStride: 16 });
  });
});

describe('parseExplorer (typed text and URL values)', () => {
  it('accepts good values and reports bad ones per field', () => {
    const good = parseExplorer({ model: 'resnet101', os: '16', size: '513' });
    expect(good.errors).toEqual({});
    expect(good.values.model).toBe('resnet101');
    expect(good.values.size).toBe(513);
    for (const bad of ['', '-3', '0', '1.5', '1e309', 'abc', '<img src=x>', '15', '2049']) {
      const r = parseExplorer({ size: bad });
      expect(r.errors.size, bad).toBeTruthy();
      expect(r.errors.size).not.toContain('<');
      expect(r.values.size).toBe(explorerDefaults.size);
    }
    expect(parseExplorer({ model: '<script>' }).errors.model).toMatch(/^Choose one of/);
    expect(parseExplorer({ os: '4' }).errors.os).toBeTruthy();
  });

  it('property: any string either parses to an allowed value or yields a message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (size, model) => {
        const r = parseExplorer({ size, model });
        if (r.errors.size === undefined) expect(Number.isInteger(r.values.size) && r.values.size >= 16 && r.values.size <= 2048).toBe(true);
        if (r.errors.model === undefined) expect(networkIds).toContain(r.values.model);
      }),
    );
  });
});

describe('rendering', () => {
  it('the default (resnet50 at 224) lists every layer of the core, grouped in 6 <details>', () => {
    const { html, summary } = renderExplorer(v(), explorerLabels);
    const a = analyse(getNetwork('resnet50'));
    for (const r of a.rows) if (r.kind !== 'block') expect(html).toContain(`<code>${r.name}</code>`);
    expect(html.match(/<details/g)).toHaveLength(6);
    expect(summary).toBe('resnet50 at 224×224: 25,557,032 parameters, 4.089 G MACs, receptive field 427 px at stride 32.');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('lazy mode leaves the block bodies empty (the element fills them on open)', () => {
    const { html } = renderExplorer(v({ model: 'resnet152' }), explorerLabels, { lazy: true });
    expect(html).not.toContain('class="ex-table"');
    expect(html.match(/<details/g)).toHaveLength(6);
  });

  it('compares two models in the totals and charts', () => {
    const values = v({ model: 'vgg16', vs: 'resnet50', vsOs: '16' });
    const { html } = renderExplorer(values, explorerLabels);
    expect(html).toContain('resnet50 (OS 16)');
    expect(html).toContain('ex-s1');
    expect(summaryLine(values, explorerLabels)).toContain('resnet50 (OS 16): 25,557,032 parameters');
  });

  it('every model renders at its default input without NaN', () => {
    for (const id of networkIds) {
      const size = getNetwork(id).input[1] as number;
      const x = explore(id, {}, size);
      const html = layerTableHtml(x, explorerLabels);
      expect(html, id).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  it('rfSeries grows monotonically and ends at the largest field of the network', () => {
    for (const id of ['vgg16', 'googlenet', 'inception_v3', 'xception', 'resnet50']) {
      const x = explore(id, {}, getNetwork(id).input[1] as number);
      const s = rfSeries(x);
      for (let i = 1; i < s.length; i++) expect(s[i]!.rf).toBeGreaterThanOrEqual(s[i - 1]!.rf);
      const max = Math.max(...x.analysis.rows.flatMap((r) => (r.receptiveField && r.output.length === 3 ? [r.receptiveField.size[0]] : [])));
      expect(s.at(-1)!.rf, id).toBe(max);
    }
    // VGG-16: 13 convs on one path; the last conv (depth 13) sees 196, pool5 212.
    const vgg = rfSeries(explore('vgg16', {}, 224));
    expect(vgg.at(-1)).toEqual({ depth: 13, rf: 212 });
  });

  it('tickStep picks 1/2/5 × 10^k', () => {
    expect(tickStep(427, 5)).toBe(100);
    expect(tickStep(1311, 5)).toBe(500);
    expect(tickStep(16, 6)).toBe(5);
    expect(tickStep(0, 5)).toBe(1);
  });
});

describe('errors go to the right field', () => {
  it('resnet18 at OS 16: the core refuses (BasicBlock) and the OS field is blamed', () => {
    let caught: unknown;
    try {
      renderExplorer(v({ model: 'resnet18', os: '16' }), explorerLabels);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExplorerError);
    expect((caught as ExplorerError).field).toBe('os');
    expect((caught as ExplorerError).message).toMatch(/BasicBlock/);
  });

  it('inception_v3 with its aux head at 224: the aux field (not the size) is blamed', () => {
    let caught: unknown;
    try {
      renderExplorer(v({ model: 'vgg16', vs: 'inception_v3', size: 224 }), explorerLabels);
    } catch (error) {
      caught = error;
    }
    expect((caught as ExplorerError).field).toBe('vsAux');
  });

  it('a size too small for the network blames the size', () => {
    expect(blameExplorer(new CalcError('kernel-too-large', 'features.0', 'x'), 'a')).toBe('size');
    expect(blameExplorer(new Error('plain'), 'a')).toBeUndefined();
    let caught: unknown;
    try {
      renderExplorer(v({ model: 'alexnet', size: 16 }), explorerLabels);
    } catch (error) {
      caught = error;
    }
    expect((caught as ExplorerError).field).toBe('size');
  });
});

describe('eval-mode totals', () => {
  // torchvision/models/inception.py, Inception_V3_Weights.IMAGENET1K_V1: _ops 5.713 (eval mode, AuxLogits not run).
  it('inception_v3 (aux kept) totals quote 5.713 G MACs and the aux head on its own line', () => {
    const { html } = renderExplorer(v({ model: 'inception_v3', size: 299 }), explorerLabels);
    expect(html).toContain('5,713,216,096 (5.713 G)');
    expect(html).toContain('training-mode forward adds 5,683,200 MACs');
  });

  it('no aux line for a model without aux heads', () => {
    expect(renderExplorer(v({ model: 'vgg16' }), explorerLabels).html).not.toContain('training-mode forward');
  });
});

describe('accuracy beside cost', () => {
  // torchvision/models/resnet.py, ResNet50_Weights.IMAGENET1K_V1: acc@1 76.130, acc@5 92.862.
  it('the published network shows its top-1 / top-5, linked to the source', () => {
    const { html } = renderExplorer(v({ model: 'resnet50' }), explorerLabels);
    expect(html).toContain('76.13% / 92.862%');
    expect(html).toContain('href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py"');
  });

  it('a variant without published weights (V1 stride, output stride 8, another input) shows none', () => {
    for (const o of [{ stride: '1x1' }, { os: '8' }, { size: 320 }] as Partial<ExplorerValues>[]) {
      const { html } = renderExplorer(v({ model: 'resnet50', ...o }), explorerLabels);
      expect(html).not.toContain('76.13%');
      expect(html).toContain('no weights for this variant or input');
    }
  });

  it('aux heads do not change the eval-mode network: inception_v3 without aux keeps its accuracy', () => {
    const { html } = renderExplorer(v({ model: 'inception_v3', size: 299, aux: 'off' }), explorerLabels);
    expect(html).toContain('77.294% / 93.45%');
  });
});

describe('memory traffic columns', () => {
  it('every layer row has bytes and MACs/byte cells; a conv row shows its intensity', () => {
    const { html } = renderExplorer(v({ model: 'vgg16' }), explorerLabels);
    expect(html).toContain('Bytes (fp32)');
    expect(html).toContain('MACs/byte');
    // conv1_1: 64·3·9 + 64 = 1,792 params, 3·224² in, 64·224² out → 4·(1,792 + 150,528 + 3,211,264) bytes;
    // MACs 64·3·9·224² = 86,704,128 → 86,704,128 / 13,454,336 = 6.44 MACs per byte.
    const a = analyse(getNetwork('vgg16'));
    const c11 = a.rows[0]!;
    expect(c11.bytes).toBe(13_454_336);
    expect(c11.macs).toBe(86_704_128);
    expect(html).toContain('<td class="num">13.45 M</td><td class="num">6.44</td>');
  });
});

describe('the cell definition (explorer-widget.ts)', () => {
  it('on the server, each unit\'s rows are in a <noscript> (readers without JavaScript), not in the page\'s elements', () => {
    const html = modelExplorer.render(v(), explorerLabels);
    const units = html.match(/<details/g)?.length ?? 0;
    expect(units).toBe(6);
    // One <noscript> per unit, each holding that unit's table: every layer of the core is there.
    expect(html.match(/<noscript><div class="nb-table-wrap"/g)).toHaveLength(units);
    for (const r of analyse(getNetwork('resnet50')).rows) if (r.kind !== 'block') expect(html).toContain(`<code>${r.name}</code>`);
    // What the cell's enhance needs to fill a unit on open: the model, its options and the size.
    expect(html).toContain(`data-explore="${escapeHtml(JSON.stringify(['resnet50', optionsFor(v(), 'a'), 224]))}"`);
  });

  it('only the options of the chosen models are active', () => {
    expect(modelExplorer.active?.(v({ model: 'vgg16', vs: 'resnet101' }))).toEqual(['model', 'size', 'vs', 'vsStride', 'vsOs']);
  });

  it('rethrows the core\'s own error (translated by kind) and blames the field of the side that failed', () => {
    const fail = (values: ExplorerValues) => {
      try {
        modelExplorer.render(values, explorerLabels);
      } catch (error) {
        return { error: error as Error, field: modelExplorer.blame?.(error as Error, values) };
      }
      throw new Error('expected a rejection');
    };
    const a = fail(v({ model: 'resnet18', os: '16' }));
    expect(isCalcError(a.error)).toBe(true);
    expect(a.field).toBe('os');
    const b = fail(v({ model: 'vgg16', vs: 'resnet18', vsOs: '16' }));
    expect(b.field).toBe('vsOs');
  });
});
