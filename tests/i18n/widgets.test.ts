/**
 * Every Cell widget's Chinese label set: complete (the type checks that), rendered on the
 * server with the defaults and with every option of every choice, and free of English words
 * outside the allow-list (tests/support/english.ts) in the output, the summary and the labels.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { parseNetwork } from '../../src/parse/index';
import { setPasted } from '../../components/widgets/PasteNetwork/paste-network';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AnyWidgetDef, WidgetLabels, WidgetValues } from '../../src/widget/widget';
import { parseField } from '../../src/widget/fields';
import type { Translation } from '../../src/i18n/locale';
import { errorMessage } from '../../src/widget/messages';
import { messagesZh } from '../../src/widget/messages.zh-cn';
import { englishWords, htmlText, templateEnglishWords } from '../support/english';
import { kernelStack } from '../../components/widgets/KernelStack/kernel-stack';
import { kernelStackZh } from '../../components/widgets/KernelStack/labels.zh-cn';
import { convCalc } from '../../components/widgets/ConvCalc/conv-calc';
import { convCalcZh } from '../../components/widgets/ConvCalc/labels.zh-cn';
import { separableConv } from '../../components/widgets/SeparableConv/separable-conv';
import { separableConvZh } from '../../components/widgets/SeparableConv/labels.zh-cn';
import { groupedConv } from '../../components/widgets/GroupedConv/grouped-conv';
import { groupedConvZh } from '../../components/widgets/GroupedConv/labels.zh-cn';
import { factorise } from '../../components/widgets/Factorise/factorise';
import { factoriseZh } from '../../components/widgets/Factorise/labels.zh-cn';
import { resBlock } from '../../components/widgets/ResBlock/res-block';
import { resBlockZh } from '../../components/widgets/ResBlock/labels.zh-cn';
import { resNetBuilder } from '../../components/widgets/ResNetBuilder/resnet-builder';
import { resNetBuilderZh } from '../../components/widgets/ResNetBuilder/labels.zh-cn';
import { inceptionModule } from '../../components/widgets/InceptionModule/inception-module';
import { inceptionModuleZh } from '../../components/widgets/InceptionModule/labels.zh-cn';
import { continuum } from '../../components/widgets/Continuum/continuum';
import { continuumZh } from '../../components/widgets/Continuum/labels.zh-cn';
import { outputStride } from '../../components/widgets/OutputStride/output-stride';
import { outputStrideZh } from '../../components/widgets/OutputStride/labels.zh-cn';
import { effectiveRfWidget } from '../../components/widgets/EffectiveRf/effective-rf';
import { effectiveRfZh } from '../../components/widgets/EffectiveRf/labels.zh-cn';
import { signalPropagation } from '../../components/widgets/SignalPropagation/signal-propagation';
import { signalPropagationZh } from '../../components/widgets/SignalPropagation/labels.zh-cn';
import { pasteNetwork } from '../../components/widgets/PasteNetwork/paste-network';
import { pasteZh } from '../../components/widgets/PasteNetwork/labels.zh-cn';
import { lrnDemo, lrnFields } from '../../components/widgets/LrnDemo/lrn-demo';
import { lrnZh } from '../../components/widgets/LrnDemo/labels.zh-cn';
import { rfDefaults, rfExplorer, formatStack } from '../../components/widgets/RfExplorer/rf-explorer';
import { rfZh } from '../../components/widgets/RfExplorer/labels.zh-cn';

/** Words of the paste cell's default text: the reader's own names (modules, classes), not ours. */
const PASTED = new Set<string>();
// The paste cell shows the network the server parsed from its default text.
{
  const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'paste', 'pytorch', 'custom.txt'), 'utf8');
  const { format, network, wiring } = parseNetwork(text, { input: [65, 65] });
  setPasted({ format, network, wiring });
  for (const word of text.match(/[A-Za-z]+/g) ?? []) PASTED.add(word);
}

const WIDGETS: readonly (readonly [AnyWidgetDef, Translation<WidgetLabels>])[] = [
  [kernelStack as unknown as AnyWidgetDef, kernelStackZh],
  [convCalc as unknown as AnyWidgetDef, convCalcZh],
  [separableConv as unknown as AnyWidgetDef, separableConvZh],
  [groupedConv as unknown as AnyWidgetDef, groupedConvZh],
  [factorise as unknown as AnyWidgetDef, factoriseZh],
  [resBlock as unknown as AnyWidgetDef, resBlockZh],
  [resNetBuilder as unknown as AnyWidgetDef, resNetBuilderZh],
  [inceptionModule as unknown as AnyWidgetDef, inceptionModuleZh],
  [continuum as unknown as AnyWidgetDef, continuumZh],
  [outputStride as unknown as AnyWidgetDef, outputStrideZh],
  [effectiveRfWidget as unknown as AnyWidgetDef, effectiveRfZh],
  [signalPropagation as unknown as AnyWidgetDef, signalPropagationZh],
  [pasteNetwork as unknown as AnyWidgetDef, pasteZh],
  [lrnDemo as unknown as AnyWidgetDef, lrnZh],
  [rfExplorer as unknown as AnyWidgetDef, rfZh],
];

/** The defaults, then the defaults with each option of each choice field. */
function variants(def: AnyWidgetDef): WidgetValues[] {
  const out = [{ ...def.defaults }];
  for (const [name, field] of Object.entries(def.fields)) {
    if (field.kind !== 'choice') continue;
    for (const option of field.options) out.push({ ...def.defaults, [name]: option });
  }
  return out;
}

describe.each(WIDGETS.map(([def, zh]) => [def.name, def, zh] as const))('%s in Chinese', (_name, def, zh) => {
  test('the title and every label are Chinese (names, symbols and units aside)', () => {
    expect(templateEnglishWords(zh.title)).toEqual([]);
    // `phrases` is data (the core's English words with their Chinese), not text shown as it is.
    for (const [key, text] of Object.entries(zh.labels)) if (key !== 'phrases') expect(templateEnglishWords(text), key).toEqual([]);
  });

  test('the output and the summary are Chinese, for the defaults and every choice', () => {
    const labels = { ...def.labels, ...zh.labels };
    for (const values of variants(def)) {
      let html: string;
      let summary: string;
      try {
        html = def.render(values, labels);
        summary = def.summary(values, labels);
      } catch (error) {
        // A combination the widget rejects shows its message instead, which must be Chinese too.
        expect(englishWords(errorMessage(error, messagesZh)), JSON.stringify(values)).toEqual([]);
        continue;
      }
      expect(englishWords(htmlText(html), PASTED), JSON.stringify(values)).toEqual([]);
      expect(englishWords(summary, PASTED), JSON.stringify(values)).toEqual([]);
      expect(html).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

test('every Cell widget has a Chinese label set, and this test covers it', () => {
  const dir = join(import.meta.dirname, '..', '..', 'components', 'widgets');
  const translated = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'labels.zh-cn.ts')));
  expect(translated.length).toBeGreaterThanOrEqual(WIDGETS.length);
});

describe('lrn-demo in Chinese: its own wording of the field rules', () => {
  test('a list entry and the odd window are reported in Chinese', () => {
    const labels = { ...lrnDemo.labels, ...lrnZh.labels };
    expect(parseField('1, -2', lrnFields.acts, messagesZh, labels)).toEqual({ ok: false, message: '第 2 项是负数；ReLU 之后的激活值不会小于 0。' });
    expect(parseField('1, 1e309', lrnFields.acts, messagesZh, labels)).toEqual({ ok: false, message: '第 2 项：不能大于 10000。' });
    expect(parseField('4', lrnFields.n, messagesZh, labels)).toEqual({ ok: false, message: '必须是奇数，这样窗口才以通道 i 为中心。' });
  });
});

describe('rf-explorer in Chinese: padding notes', () => {
  test('a corner unit of a padded stack: the region reaches into the padding, in Chinese', () => {
    const labels = { ...rfExplorer.labels, ...rfZh.labels };
    const values = { size: rfDefaults.size, stack: formatStack(rfDefaults.layers.map((l) => ({ ...l, p: 1 }))), unit: '0,0' };
    const html = rfExplorer.render(values, labels);
    expect(englishWords(htmlText(html))).toEqual([]);
    expect(englishWords(rfExplorer.summary(values, labels))).toEqual([]);
    expect(rfExplorer.summary(values, labels)).toMatch(/填充/);
  });
});

describe('model-explorer in Chinese (its own element)', () => {
  test('labels, output, summary and the core’s layer descriptions are Chinese', async () => {
    const { explorerDefaults, explorerLabels, renderExplorer } = await import('../../components/widgets/ModelExplorer/model-explorer');
    const { explorerZh } = await import('../../components/widgets/ModelExplorer/labels.zh-cn');
    const labels = { ...explorerLabels, ...explorerZh.labels };
    for (const [key, text] of Object.entries(explorerZh.labels)) if (key !== 'phrases') expect(templateEnglishWords(text), key).toEqual([]);
    // Every option label of the options table has its Chinese counterpart.
    expect(Object.keys(explorerZh.labels).sort()).toEqual(Object.keys(explorerLabels).sort());
    for (const values of [explorerDefaults, { ...explorerDefaults, model: 'inception_v3', aux: 'on', size: 299, vs: 'xception' }, { ...explorerDefaults, model: 'googlenet_2014', vs: 'alexnet_2012' }]) {
      const { html, summary } = renderExplorer(values, labels);
      expect(englishWords(htmlText(html)), JSON.stringify(values)).toEqual([]);
      expect(englishWords(summary)).toEqual([]);
    }
  });
});
