/**
 * One render of a widget, as a message: what a cell sends (its values and labels) and what comes
 * back (the output HTML and the summary, or the error's fields and the field it blames). A widget
 * that renders in its own Web Worker and one that renders on the main thread both go through
 * `renderRequest`, with the pure definition the server rendered with, so every result is the
 * one the server would write for the same values.
 */
import { CalcError, type CalcErrorCode } from '../../src/calc/errors';
import type { AnyWidgetDef, WidgetLabels, WidgetValues } from '../../src/widget/widget';
import type { WorkerClient } from './worker-client';

export interface RenderRequest {
  readonly values: WidgetValues;
  /** The cell's labels; the definition's own fill any gap. */
  readonly labels: WidgetLabels;
  /** The cell's id prefix (`nb-<ns>`), for ids inside the output. */
  readonly id?: string;
}

/** An error as plain data (a worker posts data, not Error instances). */
export interface ErrorFields {
  readonly name: string;
  readonly message: string;
  readonly code?: CalcErrorCode;
  readonly layer?: string;
  readonly problem?: string;
  readonly field?: string;
  /** Set on an error whose message is already in the page's language (src/widget/messages.ts). */
  readonly localized?: boolean;
}

export type RenderReply =
  | { readonly ok: true; readonly html: string; readonly summary: string }
  | { readonly ok: false; readonly error: ErrorFields; readonly blamed?: string };

export type RenderClient = WorkerClient<RenderRequest, RenderReply>;

function fieldsOf(error: unknown): ErrorFields {
  if (error instanceof CalcError) {
    const { name, message, code, layer, problem, field } = error;
    const localized = (error as { localized?: unknown }).localized === true;
    return { name, message, code, layer, problem, ...(field === undefined ? {} : { field }), ...(localized ? { localized } : {}) };
  }
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

/** The error again, as the definition threw it (a CalcError stays a CalcError). */
export function errorOf(fields: ErrorFields): Error {
  const error = fields.name === 'CalcError' && fields.code !== undefined ? new CalcError(fields.code, fields.layer ?? '', fields.problem ?? fields.message, fields.field) : new Error(fields.message);
  return fields.localized ? Object.assign(error, { localized: true }) : error;
}

/** Renders; never throws: a rejected combination comes back as the error and the field to mark. */
export function renderRequest(def: AnyWidgetDef, { values, labels, id }: RenderRequest): RenderReply {
  const all = { ...def.labels, ...labels };
  try {
    return { ok: true, html: def.render(values, all, id), summary: def.summary(values, all) };
  } catch (error) {
    const blamed = error instanceof Error ? def.blame?.(error, values) : undefined;
    return { ok: false, error: fieldsOf(error), ...(blamed === undefined ? {} : { blamed }) };
  }
}
