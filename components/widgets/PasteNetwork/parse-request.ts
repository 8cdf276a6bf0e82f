/**
 * One parse, as a message: what the cell sends (text, input size) and what comes back (the plain
 * data of a good parse, or the ParseError's fields so the page can name the line and module).
 * Shared by the worker and the main-thread fallback.
 */
import { isCalcError } from '../../../src/calc/index';
import { isParseError, parseNetwork } from '../../../src/parse/index';
import type { Pasted } from './paste-network';

export interface ParseRequest {
  readonly text: string;
  readonly size: number;
}

export interface ParseFailure {
  readonly line: number | null;
  readonly module: string;
  readonly problem: string;
}

export type ParseReply = { readonly ok: true; readonly pasted: Pasted } | { readonly ok: false; readonly failure: ParseFailure };

export function parseRequest({ text, size }: ParseRequest): ParseReply {
  try {
    const { format, network, wiring } = parseNetwork(text, { input: [size, size] });
    return { ok: true, pasted: { format, network, wiring } };
  } catch (error) {
    if (isParseError(error)) return { ok: false, failure: { line: error.line, module: error.module, problem: error.problem } };
    if (isCalcError(error)) return { ok: false, failure: { line: null, module: error.layer, problem: error.problem } };
    return { ok: false, failure: { line: null, module: '', problem: error instanceof Error ? error.message : 'the text could not be read' } };
  }
}
