/**
 * The calc core describes each layer in English ("3×3 conv, 64, pad 1"); a Chinese page shows
 * the same description in Chinese. Server only: the phrases are the core's own words, replaced
 * longest first, so layer and module names, numbers and symbols pass through unchanged.
 */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bseparable conv\b/g, '可分离卷积'],
  [/\bdepth multiplier\b/g, '深度乘子'],
  [/\bbatch norm, no affine\b/g, '批量归一化（无仿射参数）'],
  [/\bbatch norm\b/g, '批量归一化'],
  [/\bglobal (max|avg) pool\b/g, '全局$1池化'],
  [/\badaptive (max|avg) pool\b/g, '自适应$1池化'],
  [/\bmax pool\b/g, '最大池化'],
  [/\bavg pool\b/g, '平均池化'],
  [/\(global\)/g, '（全局）'],
  [/\bconcat of (\d+)\b/g, '$1 路通道拼接'],
  [/\badd of (\d+)\b/g, '$1 路相加'],
  [/\bno bias\b/g, '无偏置'],
  [/\bdepthwise\b/g, '逐通道'],
  [/\bgroups (\d+)\b/g, '分组 $1'],
  [/\bdilation (\d+)/g, '空洞率 $1'],
  [/\bstride (\d+)/g, '步长 $1'],
  [/\bpad (\d+)/g, '填充 $1'],
  [/\bceil\b/g, '向上取整'],
  [/\blinear\b/g, '全连接'],
  [/\bconv\b/g, '卷积'],
  [/\bflatten\b/g, '展平'],
  [/\bdropout, p\b/g, 'Dropout，p ='],
  [/\bsize (\d+)/g, '大小 $1'],
];

/** "3×3 conv, 64, pad 1" → "3×3 卷积，64，填充 1". */
export function layerDetailZh(detail: string): string {
  let text = detail;
  for (const [pattern, zh] of PHRASES) text = text.replace(pattern, zh);
  return text.replace(/(max|avg)池化/g, (_, k: string) => (k === 'max' ? '最大' : '平均') + '池化').replace(/, /g, '，');
}
