/** What every widget's Astro wrapper accepts from a chapter, passed on to the generic Cell. */
export interface WidgetProps<L, V> {
  /** Visible title; the widget's own (in the page's language) by default. */
  title?: string;
  /** Labels to override, e.g. a chapter's wording for one field. */
  labels?: Partial<L>;
  /** Values for the first render, over the definition's defaults. */
  initial?: Partial<V>;
  /** URL namespace and id prefix; set it when a page has two cells of the same widget. */
  id?: string;
}
