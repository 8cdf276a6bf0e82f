/**
 * The DOM half of the widget contract, shared by every notebook custom element (the generic
 * runtime and the widgets that need their own element): mark a field, show a cell-level
 * message, read JSON from a data attribute without ever throwing.
 */

/** Sets or clears a field's error: aria-invalid on the control, the text in its message slot. */
export function markField(root: HTMLElement, name: string, message: string): void {
  const input = root.querySelector(`[data-inputs] [name="${name}"]`);
  const slot = root.querySelector(`[data-msg-for="${name}"]`);
  if (input) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  if (slot) slot.textContent = message;
}

/** A message about the cell as a whole (a combination the core rejects that no field owns). */
export function setCellMessage(root: HTMLElement, message: string): void {
  const slot = root.querySelector('[data-cell-msg]');
  if (slot) slot.textContent = message;
}

/** Parses a data attribute written by the server; anything unreadable is `undefined`. */
export function safeJson<T>(text: string | undefined): T | undefined {
  try {
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}
