import { describe, expect, test } from 'vitest';
import { diagramHash, diagramLabels, diagramSize, mermaidSources, readDiagram, MissingDiagramError } from '../../src/integrations/mermaid/store';
import { diagramStatus } from '../../src/integrations/mermaid/render';

describe('mermaid store', () => {
  test('finds every mermaid fence, with any fence length, and nothing else', () => {
    const md = [
      '```mermaid caption="a"',
      'flowchart LR',
      '  A --> B',
      '```',
      '```ts',
      'const x = 1;',
      '```',
      '````mermaid',
      'graph TD; C-->D',
      '````',
    ].join('\n');
    expect(mermaidSources(md)).toEqual(['flowchart LR\n  A --> B\n', 'graph TD; C-->D\n']);
  });

  test('the hash ignores line endings and outer blank lines but not the diagram itself', () => {
    expect(diagramHash('flowchart LR\r\n  A --> B\r\n')).toBe(diagramHash('\nflowchart LR\n  A --> B'));
    expect(diagramHash('flowchart LR\n  A --> B')).not.toBe(diagramHash('flowchart LR\n  A --> C'));
  });

  test('a diagram without a rendered SVG fails the build with the command that fixes it', () => {
    expect(() => readDiagram('flowchart LR\n  never --> rendered', 'light', 'content/x.mdx')).toThrow(MissingDiagramError);
    expect(() => readDiagram('flowchart LR\n  never --> rendered', 'dark', 'content/x.mdx')).toThrow(/npm run diagrams/);
  });

  test('every diagram in the chapters is rendered in both themes, and no SVG is left over', () => {
    const { wanted, missing, orphans } = diagramStatus();
    expect(wanted.size).toBeGreaterThan(0);
    expect(missing.map((m) => `${m.file}: ${m.hash}.${m.theme}`)).toEqual([]);
    expect(orphans).toEqual([]);
  });

  test('the image alt text lists node labels in order: quoted, bracketed, with parentheses inside quotes', () => {
    const source = [
      'flowchart TB',
      '  x["x: 256 channels"] --> a["1×1 conv, 64 (reduce)"]',
      '  a --> b(3×3 conv) --> c{"+"}',
      '  c --> r[[ReLU<br/>out]]',
      '  x -.-> c',
      '  b --> x',
    ].join('\n');
    expect(diagramLabels(source)).toEqual(['x: 256 channels', '1×1 conv, 64 (reduce)', '3×3 conv', '+', 'ReLU out']);
  });

  test('an image reserves the diagram size from the SVG viewBox, rounded to pixels', () => {
    expect(diagramSize('<svg viewBox="0 0 728.6 273.5" width="100%">')).toEqual({ width: 729, height: 274 });
    expect(() => diagramSize('<svg width="10">')).toThrow(/viewBox/);
  });
});
