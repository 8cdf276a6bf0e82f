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
  /** `what` and `where` in Chinese, beside the English so both change together. */
  readonly zh: { readonly what: string; readonly where: string };
}

const RUSSAKOVSKY = 'https://arxiv.org/abs/1409.0575';
const GOOGLENET = 'https://arxiv.org/abs/1409.4842';

export const ILSVRC: readonly IlsvrcYear[] = [
  { year: 2010, winner: 'NEC-UIUC', what: 'SIFT/LBP features, sparse coding, linear SVMs', top5Error: 28.2, source: RUSSAKOVSKY, where: 'Russakovsky et al. 2015, challenge results by year', zh: { what: 'SIFT/LBP 特征、稀疏编码、线性 SVM', where: 'Russakovsky et al. 2015，历年挑战赛结果' } },
  { year: 2011, winner: 'XRCE', what: 'Fisher vectors, linear classifiers', top5Error: 25.8, source: RUSSAKOVSKY, where: 'Russakovsky et al. 2015, challenge results by year', zh: { what: 'Fisher 向量、线性分类器', where: 'Russakovsky et al. 2015，历年挑战赛结果' } },
  { year: 2012, winner: 'SuperVision (AlexNet)', what: 'the first CNN winner: seven CNNs, two of them pre-trained on ImageNet Fall 2011 (22k classes); 16.4% with the competition data alone', top5Error: 15.3, source: 'https://papers.nips.cc/paper_files/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html', where: 'Krizhevsky et al. 2012, abstract and Table 2', chapter: 'alexnet', zh: { what: '第一个夺冠的 CNN：7 个 CNN，其中两个在 ImageNet Fall 2011（2.2 万类）上预训练；只用竞赛数据时为 16.4%', where: 'Krizhevsky et al. 2012，摘要与表 2' } },
  { year: 2013, winner: 'Clarifai', what: "Zeiler's entry, built on the ZFNet design of Zeiler & Fergus (arXiv:1311.2901), with ImageNet 22k pre-training; 11.7% with the competition data alone", top5Error: 11.2, source: GOOGLENET, where: 'Szegedy et al. 2014, Table 2 (Imagenet 22k row)', zh: { what: 'Zeiler 的参赛方案，基于 Zeiler & Fergus 的 ZFNet 设计（arXiv:1311.2901），在 ImageNet 22k 上预训练；只用竞赛数据时为 11.7%', where: 'Szegedy et al. 2014，表 2（Imagenet 22k 一行）' } },
  { year: 2014, winner: 'GoogLeNet', what: 'Inception modules; VGG second with 7.32%', top5Error: 6.67, source: GOOGLENET, where: 'Szegedy et al. 2014, Table 2', chapter: 'googlenet', zh: { what: 'Inception 模块；VGG 以 7.32% 位居第二', where: 'Szegedy et al. 2014，表 2' } },
  { year: 2015, winner: 'MSRA (ResNet)', what: 'residual networks, an ensemble up to 152 layers', top5Error: 3.57, source: 'https://arxiv.org/abs/1512.03385', where: 'He et al. 2015, Table 5', chapter: 'resnet', zh: { what: '残差网络，由最深 152 层的网络组成的集成', where: 'He et al. 2015，表 5' } },
];
