/**
 * A data table's column heads as a list, so a table declares what its columns are rather than
 * repeating `<th scope="col">` markup. `num` marks a column of figures (right-aligned by the
 * notebook's `.num` rule). Each table maps the list in its own template, so its scoped styles
 * still reach the heads.
 */
export interface Column {
  readonly label: string;
  readonly class?: string;
}

/** A column of figures. */
export const num = (label: string): Column => ({ label, class: 'num' });

/** Column heads: a plain string is a text column. */
export function columns(...items: readonly (string | Column)[]): Column[] {
  return items.map((c) => (typeof c === 'string' ? { label: c } : c));
}
