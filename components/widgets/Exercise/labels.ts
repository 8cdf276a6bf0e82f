/**
 * The exercise cell's visible strings (a chapter may override any of them with `labels`). Each
 * exercise adds its own: `solution` (the answer's digits, computed in the chapter), `explanation`
 * and `hints` (JSON [value, text] pairs); see exercise.ts.
 */
export const exerciseLabels = {
  title: 'Exercise',
  answer: 'Your answer',
  'hint.answer': 'whole number',
  prompt: 'Type your answer; it is checked as you type.',
  /** Between the revealed answer and its explanation. */
  stop: '. ',
  show: 'Show the answer',
};
export type ExerciseLabels = typeof exerciseLabels;
