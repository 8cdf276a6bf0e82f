/** The separable-convolution cell in Simplified Chinese (terms from src/i18n/glossary.ts). */
import type { Translation } from '../../../src/i18n/locale';
import type { SeparableConvLabels } from './separable-conv';

export const separableConvZh: Translation<SeparableConvLabels> = {
  title: '深度可分离卷积与普通卷积',
  labels: {
    cin: '输入通道数 C_in',
    cout: '输出通道数 C_out',
    k: '卷积核 k',
    m: '深度乘子 m',
    size: '特征图尺寸 H = W',
    reset: '重置',
    standard: '普通 k×k 卷积',
    separable: '深度可分离卷积：k×k 逐通道卷积，再接 1×1 逐点卷积',
    ratioHead: '比值：可分离 ÷ 普通',
    compare: '并排对比',
    params: '参数量（权重）',
    macs: '乘加次数 (MACs)',
    std: '普通卷积',
    sep: '可分离卷积',
    ratio: '比值',
    depthwise: '逐通道卷积',
    pointwise: '逐点卷积',
    weights: '权重',
    fewer: '只有其 1/{x}',
    more: '是其 {x} 倍',
    caption: '只计权重（不含偏置）；步长 1、“same” 填充，所以两者的输出都是 {shape}，乘加次数都等于权重数 × {hw} 个位置。',
    summary: '可分离 {k}×{k} 卷积，{cin} → {cout}：权重 {sep} 个，普通卷积为 {std} 个，{factor}（比值 {ratio}）。',
  },
};
