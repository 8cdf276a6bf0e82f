import { describe, expect, it } from 'vitest';
import { CHART, chartPoints } from '../../components/figures/accuracy-chart';
import { networkIds } from '../../src/models/registry';

describe('accuracy vs MACs chart', () => {
  const points = chartPoints();

  it('one point per registered model, inside the plot', () => {
    expect(points.map((p) => p.id).sort()).toEqual([...networkIds].sort());
    for (const p of points) {
      expect(p.x - p.r, p.id).toBeGreaterThanOrEqual(CHART.left - 1);
      expect(p.x + p.r, p.id).toBeLessThanOrEqual(CHART.width - CHART.right + 1);
      expect(p.y, p.id).toBeGreaterThan(CHART.top);
      expect(p.y, p.id).toBeLessThan(CHART.height - CHART.bottom);
    }
  });

  it('x grows with MACs, y with top-1, area with parameters', () => {
    const by = (id: string) => points.find((p) => p.id === id)!;
    // vgg16 (15.47 G MACs) lies right of resnet50 (4.089 G) but below it (71.592% vs 76.13%).
    expect(by('vgg16').x).toBeGreaterThan(by('resnet50').x);
    expect(by('vgg16').y).toBeGreaterThan(by('resnet50').y);
    // VGG-19-BN has the most parameters (143,678,248, torchvision num_params): the largest marker.
    expect(Math.max(...points.map((p) => p.r))).toBe(by('vgg19_bn').r);
    expect(by('resnet50').r / by('vgg19_bn').r).toBeCloseTo(Math.sqrt(25_557_032 / 143_678_248), 6);
  });
});
