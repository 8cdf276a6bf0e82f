/**
 * ILSVRC classification winners 2010–2015 and their top-5 test error, each with its source, for
 * the primer's timeline. Percentages as the sources print them; each year's winning entry, as
 * ranked, even where it used outside data (2012, 2013), with the competition-data-only figure beside it.
 */
export interface IlsvrcYear {
  readonly year: number;
  readonly winner: string;
  /** What the entry was, in a few words. */
  readonly what: string;
  readonly top5Error: number;
  readonly source: string;
  /** Where in the source. */
  readonly where: string;
  /** A chapter of this notebook about the network, if any. */
  readonly chapter?: string;
}

const RUSSAKOVSKY = 'https://arxiv.org/abs/1409.0575';
const GOOGLENET = 'https://arxiv.org/abs/1409.4842';

export const ILSVRC: readonly IlsvrcYear[] = [
  { year: 2010, winner: 'NEC-UIUC', what: 'SIFT/LBP features, sparse coding, linear SVMs', top5Error: 28.2, source: RUSSAKOVSKY, where: 'Russakovsky et al. 2015, challenge results by year' },
  { year: 2011, winner: 'XRCE', what: 'Fisher vectors, linear classifiers', top5Error: 25.8, source: RUSSAKOVSKY, where: 'Russakovsky et al. 2015, challenge results by year' },
  { year: 2012, winner: 'SuperVision (AlexNet)', what: 'the first CNN winner: seven CNNs, two of them pre-trained on ImageNet Fall 2011 (22k classes); 16.4% with the competition data alone', top5Error: 15.3, source: 'https://papers.nips.cc/paper_files/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html', where: 'Krizhevsky et al. 2012, abstract and Table 2', chapter: 'alexnet' },
  { year: 2013, winner: 'Clarifai', what: "Zeiler's entry, built on the ZFNet design of Zeiler & Fergus (arXiv:1311.2901), with ImageNet 22k pre-training; 11.7% with the competition data alone", top5Error: 11.2, source: GOOGLENET, where: 'Szegedy et al. 2014, Table 2 (Imagenet 22k row)' },
  { year: 2014, winner: 'GoogLeNet', what: 'Inception modules; VGG second with 7.32%', top5Error: 6.67, source: GOOGLENET, where: 'Szegedy et al. 2014, Table 2', chapter: 'googlenet' },
  { year: 2015, winner: 'MSRA (ResNet)', what: 'residual networks, an ensemble up to 152 layers', top5Error: 3.57, source: 'https://arxiv.org/abs/1512.03385', where: 'He et al. 2015, Table 5', chapter: 'resnet' },
];
