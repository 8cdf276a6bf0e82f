/**
 * The calc core describes each layer in English ("3×3 conv, 64, pad 1") and names its kind
 * ("maxpool"); a Chinese page shows both in Chinese. Server only: tables apply the pairs here,
 * and the model explorer receives them as JSON in its labels. The phrases are the core's own
 * words, replaced in order, so layer and module names, numbers and symbols pass through unchanged.
 */
export const DETAIL_PHRASES_ZH: readonly (readonly [pattern: string, replacement: string])[] = [
  // Kinds, whole words only.
  ['^act$', '激活'],
  ['^bn$', '批量归一化'],
  ['^maxpool$', '最大池化'],
  ['^avgpool$', '平均池化'],
  ['^adaptiveavgpool$', '自适应平均池化'],
  ['^adaptivemaxpool$', '自适应最大池化'],
  ['^block$', '块'],
  ['^concat$', '通道拼接'],
  ['^add$', '相加'],
  ['^separable$', '可分离卷积'],
  ['^lrn$', 'LRN'],
  // Unit names of networks without blocks (src/calc/units.ts).
  ['^stage (\\d+)$', '阶段 $1'],
  ['^head$', '分类头'],
  ['^all layers$', '全部层'],
  // Descriptions.
  ['\\bseparable conv\\b', '可分离卷积'],
  ['\\bdepth multiplier\\b', '深度乘子'],
  ['\\bbatch norm, no affine\\b', '批量归一化（无仿射参数）'],
  ['\\bbatch norm\\b', '批量归一化'],
  ['\\bglobal (max|avg) pool\\b', '全局$1池化'],
  ['\\badaptive (max|avg) pool\\b', '自适应$1池化'],
  ['\\bmax pool\\b', '最大池化'],
  ['\\bavg pool\\b', '平均池化'],
  ['max池化', '最大池化'],
  ['avg池化', '平均池化'],
  ['\\(global\\)', '（全局）'],
  ['\\bconcat of (\\d+)\\b', '$1 路通道拼接'],
  ['\\badd of (\\d+)\\b', '$1 路相加'],
  ['\\bno bias\\b', '无偏置'],
  ['\\bdepthwise\\b', '逐通道'],
  ['\\bgroups (\\d+)\\b', '分组 $1'],
  ['\\bdilation (\\d+)', '空洞率 $1'],
  ['\\bstride (\\d+)', '步长 $1'],
  ['\\bpad (\\d+)', '填充 $1'],
  ['\\bpad\\b', '填充'],
  ['\\bceil\\b', '向上取整'],
  ['\\blinear\\b', '全连接'],
  ['\\bconv\\b', '卷积'],
  ['\\bflatten\\b', '展平'],
  ['\\bdropout, p\\b', 'Dropout，p ='],
  ['^dropout$', 'Dropout'],
  ['\\bsize (\\d+)', '大小 $1'],
  [', ', '，'],
];

/** "3×3 conv, 64, pad 1" → "3×3 卷积，64，填充 1"; "maxpool" → "最大池化". */
export function layerDetailZh(detail: string): string {
  return DETAIL_PHRASES_ZH.reduce((text, [pattern, zh]) => text.replace(new RegExp(pattern, 'g'), zh), detail);
}
