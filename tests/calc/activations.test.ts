import { describe, expect, it } from 'vitest';
import { activationValues, analyse, CalcError, formatBytes } from '../../src/calc/index';

describe('activations and bytes', () => {
  it('counts conv/bn/pool/add outputs, not in-place ReLU', () => {
    const a = analyse({
      input: [1, 4, 4],
      layers: [
        { name: 'c', kind: 'conv', out: 2, kernel: 3, padding: 1 }, // 2·4·4 = 32
        { name: 'r', kind: 'act', fn: 'relu' }, // in place: 0
        { name: 'p', kind: 'maxpool', kernel: 2 }, // 2·2·2 = 8
      ],
    });
    expect(activationValues(a)).toBe(40);
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(600 * 1024 * 1024)).toBe('600 MiB');
    expect(() => formatBytes(Number.NaN)).toThrow(CalcError);
  });
});
