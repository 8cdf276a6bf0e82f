/**
 * The model explorer as a widget definition for the generic cell: its fields come from the
 * options table (model-explorer.ts), the option fields of models not chosen are inactive, and
 * the layer tables render without their rows (filled when a unit is opened: explorer-enhance.ts;
 * on the server the rows go in a <noscript> for readers without JavaScript).
 */
import type { WidgetDef } from '../../../src/widget/widget';
import {
  activeFields,
  blameExplorer,
  explore,
  explorerDefaults,
  explorerFields,
  ExplorerError,
  optionsFor,
  renderExplorer,
  summaryLine,
  type ExplorerValues,
} from './model-explorer';
import { explorerLabels, type ExplorerLabels } from './explorer-labels';

/** Which model a rejection came from: A if A alone fails (its analysis is cached when it does not). */
function sideOf(values: ExplorerValues): 'a' | 'b' {
  try {
    explore(String(values.model), optionsFor(values, 'a'), values.size);
    return 'b';
  } catch {
    return 'a';
  }
}

export const modelExplorer: WidgetDef<ExplorerValues, ExplorerLabels> = {
  name: 'model-explorer',
  fields: explorerFields,
  defaults: explorerDefaults,
  labels: explorerLabels,
  active: activeFields,
  summary: summaryLine,
  render(values, labels) {
    try {
      return renderExplorer(values, labels, { lazy: true, noscript: import.meta.env.SSR }).html;
    } catch (error) {
      // The core's own error, so its message is translated by kind on a Chinese page.
      throw error instanceof ExplorerError && error.source instanceof Error ? error.source : error;
    }
  },
  blame(error, values) {
    const which = sideOf(values);
    return blameExplorer(error, which) ?? (which === 'a' ? 'model' : 'vs');
  },
};
