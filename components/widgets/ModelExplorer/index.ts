/** What other widgets may use of the model explorer: its analysis, labels and output renderer (PasteNetwork shows a pasted network with them). */
export { comparisonHtml, explore, explorerLabels, exploreNetwork, NONE, type Explored } from './model-explorer';
// The paste cell's Chinese labels reuse the explorer's (server-only; tree-shaken from client bundles).
export { explorerZh } from './labels.zh-cn';
