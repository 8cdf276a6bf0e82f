/** The exercise cell's visible strings (a chapter may override any of them with `labels`). */
export const exerciseLabels = {
  title: 'Exercise',
  answer: 'Your answer',
  hint: 'whole number',
  prompt: 'Type your answer; it is checked as you type.',
  show: 'Show the answer',
};
export type ExerciseLabels = typeof exerciseLabels;
