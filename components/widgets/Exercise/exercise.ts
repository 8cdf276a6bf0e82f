/**
 * A checkable exercise as a widget definition: one answer field, checked as the reader types
 * (src/widget/exercise.ts holds the rules). The answer is the exercise's own, computed in the
 * chapter: Exercise.astro passes it with the explanation and hints as the cell's labels (they are
 * visible strings: the revealed answer, the feedback), so one definition serves every exercise.
 */
import { checkAnswer, type ExerciseHint, type ExerciseSpec, type Feedback } from '../../../src/widget/exercise';
import { formatCount } from '../../../src/calc/index';
import { escapeHtml as e } from '../../../src/widget/html';
import type { WidgetDef } from '../../../src/widget/widget';
import { exerciseLabels, type ExerciseLabels } from './labels';

export type ExerciseValues = { answer: number | '' };
/** The base labels and the exercise's own: its answer's digits and unit, explanation and hints. */
export type ExerciseCellLabels = ExerciseLabels & { solution: string; unit: string; explanation: string; hints: string };

/** The labels that carry one exercise (see the file comment). */
export function exerciseSpecLabels(spec: ExerciseSpec, unit = ''): Pick<ExerciseCellLabels, 'solution' | 'unit' | 'explanation' | 'hints'> {
  return { solution: String(spec.answer), unit, explanation: spec.explanation, hints: JSON.stringify((spec.hints ?? []).map((h) => [h.value, h.text])) };
}

function specOf(labels: ExerciseCellLabels): ExerciseSpec {
  let pairs: [number, string][] = [];
  try {
    pairs = JSON.parse(labels.hints);
  } catch {
    // Unreadable hints: direction only.
  }
  const hints: ExerciseHint[] = Array.isArray(pairs) ? pairs.map(([value, text]) => ({ value, text })) : [];
  return { answer: Number(labels.solution), explanation: labels.explanation, hints };
}

function feedback(values: ExerciseValues, labels: ExerciseCellLabels): Feedback {
  return checkAnswer(String(values.answer), specOf(labels));
}

export const exercise: WidgetDef<ExerciseValues, ExerciseCellLabels> = {
  name: 'exercise',
  fields: { answer: { kind: 'answer' } },
  defaults: { answer: '' },
  // The English strings stay on the server: the browser reads the cell's data-labels.
  labels: import.meta.env.SSR ? { ...exerciseLabels, solution: '', unit: '', explanation: '', hints: '[]' } : ({} as ExerciseCellLabels),
  reset: false,
  summary(values, labels) {
    return feedback(values, labels).message || labels.prompt;
  },
  /**
   * The feedback, visible and coloured by its kind (the summary, the live region, says the same to
   * a screen reader and is visually hidden on an exercise, so this copy is hidden from it), then
   * the answer in a closed <details> (the runtime keeps it open across updates once opened).
   */
  render(values, labels) {
    const { kind, message } = feedback(values, labels);
    const state = kind === 'correct' || kind === 'wrong' ? ` data-state="${kind}"` : '';
    const unit = labels.unit ? ` ${e(labels.unit)}` : '';
    return (
      `<p class="nb-summary nb-feedback"${state} aria-hidden="true">${e(message || labels.prompt)}</p>` +
      `<details><summary>${e(labels.show)}</summary><p><strong>${formatCount(Number(labels.solution))}</strong>${unit}${e(labels.stop)}${e(labels.explanation)}</p></details>`
    );
  },
};
