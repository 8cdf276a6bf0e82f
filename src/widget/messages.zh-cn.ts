/**
 * The Chinese message table (see messages.ts): imported only by server components, which
 * write it into `data-messages`, so it never reaches a script bundle. Terms from the glossary.
 */
import type { MessageTable } from './messages.ts';

export const messagesZh = {
  colon: '：',
  empty: '请输入一个数。',
  digits: '只能输入数字，例如 3。',
  atMost: '不能大于 {max}。',
  atLeast: '不能小于 {min}。',
  whole: '必须是整数。',
  choose: '请从以下选项中选择：{options}。',
  tooLong: '最多 {max} 个字符。',
  step: '必须是 {min} 加上 {step} 的整数倍。',
  decimal: '请输入一个数，例如 0.75 或 1e-4。',
  decimalComma: '小数请用小数点，例如 0.75。',
  listEmpty: '请至少输入一个数。',
  listGap: '请删掉两个逗号之间的空项。',
  listTooMany: '最多 {max} 个数。',
  listEntry: '第 {n} 项：{message}',
  pattern: '格式不对。',
  correct: '正确。{explanation}',
  hint: '还不对。{hint}',
  tooHigh: '还不对：{value} 偏大。请一步一步推算，再试一次。',
  tooLow: '还不对：{value} 偏小。请一步一步推算，再试一次。',
  'error.bad-input': '输入必须是 [通道, 高, 宽]，且都是正整数。',
  'error.bad-parameter': '{at}参数超出允许的范围。',
  'error.bad-parameter.padding': '{at}每侧填充不能超过有效卷积核的一半。',
  'error.kernel-too-large': '{at}窗口（计入空洞后）比填充后的输入还大，放不下。',
  'error.shape-mismatch': '{at}各输入的形状不一致，无法合并。',
  'error.not-spatial': '{at}这一层需要 C×H×W 的特征图，但输入已被展平。',
  'error.unknown-input': '{at}引用了一个不存在的前序节点。',
  'error.unknown-kind': '{at}未知的层类型。',
  'error.duplicate-name': '{at}节点名称重复。',
  'error.channels-not-divisible': '{at}分组数必须整除输入通道数和输出通道数。',
  'error.misaligned-stride': '{at}合并的各条路径有效步长不同，特征图无法对齐。',
  'error.too-large': '{at}数值太大，无法精确计数。',
  'error.too-large.map': '{at}输出特征图太大，超出了这个探索器能画的范围。',
  'error.bad-parameter.stack': '层数超出了允许的范围。',
  'error.unknown-network': '{at}没有这个模型。',
  'error.bad-option': '{at}这个模型不接受该选项或取值。',
  'error.bad-option.outputStride': '{at}输出步长只能是 8、16 或 32。',
} satisfies MessageTable;

/** The cell chrome: decorative prompts and the reset button. */
export const chromeZh = { in: '输入', out: '输出', reset: '重置' };
