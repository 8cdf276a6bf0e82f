/**
 * The paste cell's pure parts: the definition's render and summary for a parsed network, the
 * wiring report, the parse message, blame, and the URL-fragment codec. Expected figures come from
 * the fixtures' forward hooks (tests/fixtures/paste/pytorch/figures.json) and the registry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, CalcError, formatCount } from '../../src/calc/index';
import { getNetwork } from '../../src/models/registry';
import { parseNetwork } from '../../src/parse/index';
import { decodeFragment, encodeText, FRAGMENT_KEY } from '../../components/widgets/PasteNetwork/fragment';
import { failureMessage } from '../../components/widgets/PasteNetwork/paste-enhance';
import { parseRequest } from '../../components/widgets/PasteNetwork/parse-request';
import { pasteLabels, pasteNetwork, setPasted, wiringHtml } from '../../components/widgets/PasteNetwork/paste-network';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'paste');
const text = (path: string) => readFileSync(join(DIR, path), 'utf8');
const figures = JSON.parse(text('pytorch/figures.json')) as { models: Record<string, { params: number; macs: number }> };

function paste(path: string, size: number): void {
  const { format, network, wiring } = parseNetwork(text(path), { input: [size, size] });
  setPasted({ format, network, wiring });
}

describe('render and summary of a pasted network', () => {
  it('the custom net at 65×65 shows the forward-hook figures', () => {
    paste('pytorch/custom.txt', 65);
    const custom = figures.models.custom!;
    const html = pasteNetwork.render({ text: '', size: 65, vs: 'none' }, pasteLabels);
    expect(html).toContain(`<td class="num">${formatCount(custom.params)}</td>`);
    expect(html).toContain(`${formatCount(custom.macs)} (`);
    expect(pasteNetwork.summary({ text: '', size: 65, vs: 'none' }, pasteLabels)).toMatch(new RegExp(`^CustomNet \\(pasted print\\(model\\)\\) at 3×65×65: ${formatCount(custom.params)} parameters`));
  });

  it('ResNet-50 pasted and compared with the registry: the same figures in both columns', () => {
    paste('pytorch/resnet50.txt', 224);
    const registry = analyse(getNetwork('resnet50'), [3, 224, 224]);
    const summary = pasteNetwork.summary({ text: '', size: 224, vs: 'resnet50' }, pasteLabels);
    expect(summary.split(formatCount(registry.params.total)).length).toBe(3);
    const html = pasteNetwork.render({ text: '', size: 224, vs: 'resnet50' }, pasteLabels);
    expect(html.split(`${formatCount(registry.macs)} (`).length).toBe(3);
  });

  it('an input too small for the network is a CalcError blamed on the size field', () => {
    const { format, network, wiring } = parseNetwork('Net(\n  (conv): Conv2d(3, 8, kernel_size=(17, 17), stride=(1, 1))\n)', { input: [65, 65] });
    setPasted({ format, network, wiring });
    let error: unknown;
    try {
      pasteNetwork.render({ text: '', size: 16, vs: 'none' }, pasteLabels);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalcError);
    expect(pasteNetwork.blame?.(error as Error, { text: '', size: 16, vs: 'none' })).toBe('size');
  });
});

describe('wiring report and messages are text, never markup', () => {
  it('escapes pasted module names', () => {
    const html = wiringHtml([{ line: 2, module: '<img src=x onerror=alert(1)>', rule: 'branch-on-input', text: 'a & b' }], pasteLabels);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('branch on the block input × 1');
  });

  it('a parse failure names the line and the module', () => {
    const reply = parseRequest({ text: text('pytorch/custom.txt').replace('ReLU(inplace=True)', 'Mish()'), size: 65 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(failureMessage(reply.failure)).toMatch(/^Line 4, stem\.1 \(Mish\): unknown module "Mish"/);
    expect(failureMessage({ line: null, module: '', problem: 'the text is empty' })).toBe('The text is empty');
  });
});

describe('URL fragment codec', () => {
  it('round-trips a real repr through deflate-raw + base64url', async () => {
    const repr = text('pytorch/resnet152.txt');
    const fragment = await encodeText(repr);
    expect(fragment).toMatch(new RegExp(`^${FRAGMENT_KEY}z[A-Za-z0-9_-]+$`));
    expect(fragment.length).toBeLessThan(repr.length / 4);
    await expect(decodeFragment(`#${fragment}`)).resolves.toBe(repr);
  });

  it('reads the uncompressed fallback and refuses damaged or foreign fragments in words', async () => {
    const plain = `${FRAGMENT_KEY}u${Buffer.from('Net(\n  (a): ReLU()\n)', 'utf8').toString('base64url')}`;
    await expect(decodeFragment(`#${plain}`)).resolves.toBe('Net(\n  (a): ReLU()\n)');
    await expect(decodeFragment('#overview')).resolves.toBeNull();
    await expect(decodeFragment('#paste=z!!<b>')).rejects.toThrow(/not base64url/);
    await expect(decodeFragment('#paste=qAAAA')).rejects.toThrow(/not written by this page/);
  });
});
