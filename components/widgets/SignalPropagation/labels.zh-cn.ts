/** The signal-propagation cell in Simplified Chinese (terms from src/i18n/glossary.ts). */
import type { Translation } from '../../../src/i18n/locale';
import type { SignalLabels } from './signal-propagation';

export const signalPropagationZh: Translation<SignalLabels> = {
  title: '初始化时的信号传播',
  labels: {
    depth: '深度（层数）',
    shortcut: '捷径连接',
    'shortcut.plain': '普通：h ← F(h)',
    'shortcut.residual': '残差：h ← h + F(h)',
    activation: '激活函数 φ',
    'activation.relu': 'ReLU',
    'activation.sigmoid': 'sigmoid',
    'activation.tanh': 'tanh',
    init: '初始权重',
    'init.he': 'He：N(0, 2/64)',
    'init.xavier': 'Xavier：N(0, 2/128)',
    'init.small': 'N(0, 0.01²)（AlexNet）',
    bn: '批量归一化',
    'bn.off': '关',
    'bn.on': '开（使用批统计量）',
    seed: '随机种子',
    reset: '重置',
    ratio: '到达输入的梯度 ÷ 顶层的梯度',
    forward: '顶层的前向标准差 ÷ 输入处的标准差',
    model: '模型',
    modelText:
      '{depth} 个宽度为 {width} 的全连接层，输入是固定种子生成的一批 {batch} 个 x ~ N(0, 1)；F(h) = {f}，权重服从 N(0, {std}²)。顶层梯度对每个输入取一个随机单位向量；每层的梯度范数是对这一批取的均方根。',
    chartAlt:
      '第 0 层到第 {depth} 层的对数坐标图：前向激活值的标准差从 {f0} 变到 {fL}，梯度范数从顶层的 {gL} 变到输入处的 {g0}。',
    keyForward: 'hₗ 的前向标准差',
    keyGradient: '梯度范数 ‖∂L/∂hₗ‖',
    xAxis: '第 l 层',
    zero: '从第 {from} 层往下恰好为 0（小于最小的浮点数）；画在图的底边上。',
    'kind.plain': '普通',
    'kind.residual': '残差',
    summary: '{depth} 层{kind} {activation} 网络：到达输入的梯度 ÷ 顶层的梯度 = {ratio}。',
    period: '。',
  },
};
