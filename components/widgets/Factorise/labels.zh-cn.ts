/** The factorisation explorer in Simplified Chinese (terms from src/i18n/glossary.ts). */
import type { Translation } from '../../../src/i18n/locale';
import type { FactoriseLabels } from './factorise';

export const factoriseZh: Translation<FactoriseLabels> = {
  title: '分解卷积：一个 n×n 卷积与它的分解',
  labels: {
    kind: '分解方式',
    'kind.stack3': '堆叠 3×3（§3.1）',
    'kind.asym': '先 1×n 再 n×1（§3.2）',
    n: '卷积核 n',
    c: '通道数 C',
    size: '特征图尺寸 H = W',
    reset: '重置',
    before: '分解前：一个 n×n 卷积',
    after: '分解后：分解得到的卷积堆叠',
    compare: '开销与感受野',
    layer: '层',
    one: '一个 n×n',
    factorised: '分解后',
    ratio: '分解后 ÷ 分解前',
    params: '参数量（权重）',
    macs: '乘加次数 (MACs)',
    nonlin: '层数（ReLU 个数）',
    rf: '感受野',
    oddMessage: '堆叠 3×3 卷积的感受野边长总是奇数：n 必须是不小于 3 的奇数。',
    equal: '相同',
    differ: '不同',
    weights: '权重',
    rfStep: '感受野',
    layerStep: '{name}：{product} = {weights} 个权重，感受野 {rf}',
    stackName: '{n} 个堆叠的 3×3',
    saves: '节省 {pct}',
    costs: '多出 {pct}',
    summary: '用 {what} 代替一个 {n}×{n}：感受野同为 {rf}，权重{verb}。',
    caption: '输入、输出都是 C = {c} 个通道，步长 1，“same” 填充，特征图 {size}×{size}，只计权重。感受野来自计算核心对两个网络的分析。',
  },
};
