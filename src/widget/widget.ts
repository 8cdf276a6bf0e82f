/**
 * The widget contract, as a type. A widget is a pure definition (fields, defaults, labels,
 * render) shared by its Astro component (server render, readable without JavaScript) and
 * its custom element (live updates in the browser). See README, "Adding a widget".
 */
import type { FieldDef, FieldValue } from './fields.ts';

export type WidgetValues = Record<string, FieldValue>;
export type WidgetLabels = Record<string, string>;

export interface WidgetDef<V extends WidgetValues, L extends WidgetLabels> {
  /** `data-widget` value, custom element name suffix (`nb-<name>`), default URL namespace. */
  readonly name: string;
  readonly fields: { readonly [K in keyof V]: FieldDef };
  readonly defaults: V;
  /** Every visible string; a translated chapter passes its own through the component's `labels` prop. */
  readonly labels: L;
  /** One line for the live region: what changed, in words. */
  summary(values: V, labels: L): string;
  /**
   * The output area's HTML (derivation, then result). May throw the core's CalcError. `id` is
   * the cell's id prefix, for ids inside the output (`${id}-region`).
   */
  render(values: V, labels: L, id?: string): string;
  /**
   * Fields that apply only to some values (the model explorer's options of the chosen model):
   * the names of those that apply. The others are hidden, not validated, and left out of the URL.
   */
  active?(values: V): readonly Extract<keyof V, string>[];
  /** `false`: no Reset button (an exercise starts empty; clearing the field is its reset). */
  readonly reset?: false;
  /**
   * Which field to mark invalid when the core rejects a combination of values, or a control an
   * `enhance` hook put into the form (dotted names, e.g. the RF explorer's `l2.k`).
   */
  blame?(error: Error, values: V): Extract<keyof V, string> | `${string}.${string}` | undefined;
  /**
   * Browser only: behaviour beyond recompute (a slider, a clickable grid), run once when the
   * cell's element connects. It gets the cell root; it may add controls that type into the
   * cell's fields (so the fields stay the one source of validation and URL state) and call
   * `cell.refresh()` when it changes something the fields do not hold.
   */
  enhance?(root: HTMLElement, cell: CellHandle): void;
}

/** What the runtime lends an `enhance` hook. */
export interface CellHandle {
  /** Re-reads the fields and re-renders, as typing would (and writes the URL state). */
  refresh(): void;
  /** The labels this cell renders with (the chapter's overrides included). */
  readonly labels: WidgetLabels;
}

/** Any definition, as the generic cell and runtime see it. */
export type AnyWidgetDef = WidgetDef<WidgetValues, WidgetLabels>;

/**
 * What the browser's main thread needs of a widget that renders in a Web Worker (its numerics
 * take longer than a frame): the fields to validate and the defaults. Its labels arrive with
 * the cell; render, summary and blame run in the worker.
 */
export type WidgetForm<V extends WidgetValues> = Pick<WidgetDef<V, WidgetLabels>, 'name' | 'fields' | 'defaults' | 'active'>;

/** Values for the first render: defaults overridden by a chapter's `initial` prop. */
export function initialValues<V extends WidgetValues>(def: WidgetDef<V, WidgetLabels>, initial?: Partial<V>): V {
  return { ...def.defaults, ...initial };
}
