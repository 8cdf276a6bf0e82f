/** The effective-receptive-field cell in Simplified Chinese (terms from src/i18n/glossary.ts). */
import type { Translation } from '../../../src/i18n/locale';
import type { EffectiveRfLabels } from './effective-rf';

export const effectiveRfZh: Translation<EffectiveRfLabels> = {
  title: '有效感受野：一个单元的梯度落在哪里',
  labels: {
    layers: '层数 n',
    kernel: '卷积核 k',
    stride: '步长 s（每层）',
    dilation: '空洞率 d（每层）',
    activation: '层与层之间',
    'activation.linear': '无（线性）',
    'activation.relu': 'ReLU',
    weights: '权重',
    'weights.uniform': '均匀：每个权重都是 1/k²',
    'weights.random': '随机：He 正态初始化，固定种子',
    reset: '重置',
    theoretical: '理论感受野',
    effective: '有效感受野（95%）',
    holes: '没有任何路径到达的像素',
    how: '计算方法',
    exact:
      '精确计算：权重均匀且没有非线性时，梯度图是一个 k 抽头（间隔 d）方框与自身做 n 次卷积的结果，是一维分布的外积，所以 95% 的边长有闭式解。',
    simulated:
      '模拟：在整个理论感受野上，对真实的单通道卷积堆叠从中心单元做反向传播（输入服从 N(0, 1)），把 {draws} 次固定种子抽样得到的归一化 |∂y/∂x| 图取平均。',
    deadNote: '另有 {dead} 次抽样是“死”的（ReLU 阻断了通往中心单元的所有路径），已被替换。',
    mapAlt:
      '{side}×{side} 输入上 |∂y/∂x| 的热力图：{r}×{r} 的理论感受野（虚线方框）和包含 95% 梯度的居中 {s95}×{s95} 方框（实线）；越亮表示梯度越大，黑色表示没有梯度。',
    mapCaption: '亮度 ∝ √|∂y/∂x|（开平方让微弱的边缘也看得见）；黑色恰好为 0。虚线：理论感受野；实线：有效感受野（95% 的梯度质量）。',
    chart: '边长与层数的关系',
    chartTheoretical: '理论值（∝ n）',
    chartEffective: '95%，均匀权重、线性（∝ √n）',
    chartHere: '当前设置',
    chartAlt:
      '感受野边长随层数（1 到 {max}）变化的折线图：理论边长线性增长到 {rmax}；均匀线性堆叠的 95% 边长按 n 的平方根增长，到 {emax}；标出的点是当前设置，{n} 层，{s95}。',
    xAxis: '层数 n',
    yAxis: '边长（像素）',
    chartTail: '；{axis}。',
    period: '。',
    holesOf: '<strong>{holes}</strong> / {total}',
    summary: '{n} 层 {k}×{k}：理论感受野 {r}×{r}，有效感受野（95%）{s95}×{s95}。',
  },
};
