/** The kernel-stack cell in Simplified Chinese (terms from src/i18n/glossary.ts). */
import type { Translation } from '../../../src/i18n/locale';
import type { KernelStackLabels } from './kernel-stack';

export const kernelStackZh: Translation<KernelStackLabels> = {
  title: '卷积核堆叠：n 个小卷积核与一个大卷积核',
  labels: {
    n: '堆叠卷积层数 n',
    k: '卷积核 k',
    c: '通道数 C',
    s: '步长 s（每层）',
    d: '空洞率 d',
    size: '输入尺寸 H = W',
    reset: '重置',
    backward: '自顶向下：F(i) = (F(i+1) − 1)·s + k_eff',
    forward: '自底向上：r ← r + (k_eff − 1)·S，S ← S·s',
    compare: '堆叠与单个大卷积核对比',
    layer: '层',
    stack: '堆叠',
    single: '单个卷积核',
    ratio: '堆叠 ÷ 单个',
    params: '参数量（权重）',
    macs: '乘加次数 (MACs)',
    nonlin: '非线性层数',
    memory: '需保存的激活值',
    output: '输出形状',
    rf: '感受野',
    topUnit: '顶层单元',
    inputPixel: '输入像素',
    eachLayer: '每层',
    caption: '只计权重（不含偏置）；MACs 按 {size}×{size} 输入、C = {c} 计算；{big}×{big} 卷积的步长为 {S}，两者输出的网格相同。',
    summary: '{n} 个堆叠的 {k}×{k} 卷积看到 {r}×{r} 的区域，与一个 {big}×{big} 卷积相同，参数量只有它的 {share}%。',
  },
};
