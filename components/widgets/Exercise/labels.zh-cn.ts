import type { ExerciseLabels } from './labels';

export const exerciseLabelsZh = {
  title: '练习',
  answer: '你的答案',
  'hint.answer': '整数',
  prompt: '输入答案，边输入边检查。',
  /** Between the revealed answer and its explanation. */
  stop: '。',
  show: '显示答案',
} satisfies ExerciseLabels;
