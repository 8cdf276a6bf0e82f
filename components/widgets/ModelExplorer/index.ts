/** What other widgets may use of the model explorer: its analysis, labels and HTML renderers (PasteNetwork shows a pasted network with them). */
export { barsSvg, rfChartSvg } from './explorer-charts';
export { layerTableHtml, totalsHtml } from './explorer-tables';
export { explore, explorerLabels, exploreNetwork, NONE, type Explored } from './model-explorer';
