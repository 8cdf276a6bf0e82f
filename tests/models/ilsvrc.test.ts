import { describe, expect, it } from 'vitest';
import { ILSVRC } from '../../src/models/ilsvrc';

/*
 * Sources: Russakovsky et al. 2015 (arXiv:1409.0575) for 2010 NEC-UIUC 28.2% and 2011 XRCE 25.8%;
 * Krizhevsky et al. 2012 abstract for 15.3%; Szegedy et al. 2014 (arXiv:1409.4842) Table 2 for
 * Clarifai 2013 11.2% (its Imagenet 22k entry; 11.7% without) and GoogLeNet 2014 6.67% (VGG 7.32%
 * second); He et al. 2015 Table 5 for 3.57%. Each year's winning entry as ranked.
 */
describe('ILSVRC classification winners', () => {
  it('one winner per year 2010–2015, top-5 error falling every year, each with a source', () => {
    expect(ILSVRC.map((y) => y.year)).toEqual([2010, 2011, 2012, 2013, 2014, 2015]);
    expect(ILSVRC.map((y) => y.top5Error)).toEqual([28.2, 25.8, 15.3, 11.2, 6.67, 3.57]);
    for (const y of ILSVRC) expect(y.source, String(y.year)).toMatch(/^https:\/\//);
  });

  it('only AlexNet, GoogLeNet and ResNet among this notebook\'s networks won', () => {
    expect(ILSVRC.flatMap((y) => (y.chapter ? [y.chapter] : []))).toEqual(['alexnet', 'googlenet', 'resnet']);
  });
});
