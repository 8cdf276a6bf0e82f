/** The LRN cell in Simplified Chinese (terms from src/i18n/glossary.ts). */
import type { Translation } from '../../../src/i18n/locale';
import type { LRN_MESSAGES, LrnLabels } from './lrn-demo';

export const lrnZh: Translation<LrnLabels> = {
  title: '单个像素上的局部响应归一化',
  labels: {
    acts: '激活值 a⁰, a¹, …（ReLU 之后）',
    n: '窗口 n（通道数）',
    k: 'k',
    alpha: 'α',
    beta: 'β',
    channel: '显示通道 i',
    convention: 'α 的用法',
    'convention.paper': '论文：α',
    'convention.caffe': 'Caffe / PyTorch：α/n',
    reset: '重置',
    derivation: '通道 i，逐步计算',
    table: '所有通道',
    channelCol: 'i',
    before: 'a（归一化前）',
    window: '窗口',
    sum: 'Σ a²',
    denominator: '(k + α·Σ)^β',
    after: 'b（归一化后）',
    gain: 'b / a',
    'hint.acts': '1–{max} 个不小于 0 的数，用逗号分隔',
    'hint.n': '奇数，1–15',
    'hint.alpha': '0–10，例如 1e-4',
    windowStep: '窗口',
    alphaUsed: '实际使用的 α',
    derivationOf: '（i = {i}）',
    caption: '条形：每列按自身的最大值缩放，所以形状对比的是归一化前后的模式。k = {k}，α = {alpha}，β = {beta}，n = {n}；◀ 标出通道 i。',
    summary: '通道 {i}：{a} → {b}（÷ {d}，通道 {range} 上的 Σa² = {sum}）。',
    failed: '这组数值无法计算。',
  },
};

export const lrnMessagesZh: Record<keyof typeof LRN_MESSAGES, string> = {
  'lrn.comma': '小数请用小数点，例如 0.75。',
  'lrn.decimal': '请输入一个数，例如 0.75 或 1e-4。',
  'lrn.noActs': '请至少输入一个激活值。',
  'lrn.emptyEntry': '请删掉两个逗号之间的空项。',
  'lrn.tooMany': '最多 {max} 个通道。',
  'lrn.negative': '第 {n} 项是负数；ReLU 之后的激活值不会小于 0。',
  'lrn.entry': '第 {n} 项：{message}',
  'lrn.odd': '必须是奇数，这样窗口才以通道 i 为中心。',
  'lrn.computeNoActs': '请至少输入一个激活值。',
  'lrn.noChannel': '共有 {n} 个通道，所以 i 的范围是 0 到 {last}。',
  'lrn.zero': '通道 {i} 的 k + α·Σ 为 0，出现除以 0；请把 k 设为正数。',
  'lrn.range': '分母超出了数值范围；请用小一些的值。',
};
