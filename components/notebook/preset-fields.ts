/**
 * A preset choice that owns a group of fields (the Inception module's Table 1 rows, the ResNet
 * builder's depths): choosing a preset writes its values into the fields, and editing one of
 * those fields switches the choice to "custom". So every field always shows what the result
 * uses, and no field is ever silently ignored.
 */
export interface PresetLink {
  /** Name of the <select> holding the preset. */
  readonly select: string;
  /** The option meaning "use the fields". */
  readonly custom: string;
  /** The fields a preset fills. */
  readonly fields: readonly string[];
  /** A preset's field values; undefined for "custom". */
  readonly valuesOf: (preset: string) => Readonly<Record<string, string | number>> | undefined;
}

export function linkPresetFields(root: HTMLElement, link: PresetLink): void {
  const select = root.querySelector<HTMLSelectElement>(`[data-inputs] select[name="${link.select}"]`);
  if (!select) return;
  const field = (name: string) =>
    root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-inputs] [name="${name}"]`);
  /** No events: the cell's own listener recomputes from the preset right after. */
  const fill = (): void => {
    const values = link.valuesOf(select.value);
    if (!values) return;
    for (const name of link.fields) {
      const control = field(name);
      if (!control || values[name] === undefined) continue;
      control.value = String(values[name]);
      control.removeAttribute('aria-invalid');
      const message = root.querySelector(`[data-msg-for="${name}"]`);
      if (message) message.textContent = '';
    }
  };
  const toCustom = (): void => {
    if (select.value !== link.custom) select.value = link.custom;
  };
  // Listeners on the controls run before the cell's listener on the form (event bubbling).
  select.addEventListener('change', fill);
  for (const name of link.fields) {
    const control = field(name);
    control?.addEventListener('input', toCustom);
    control?.addEventListener('change', toCustom);
    // The cell steps a whole-number field with the arrow keys, without an input event.
    control?.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'ArrowUp' || (event as KeyboardEvent).key === 'ArrowDown') toCustom();
    });
  }
  fill();
}
