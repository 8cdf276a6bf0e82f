/**
 * Protocol Buffers text format, as Caffe's .prototxt uses it: `key: value`, `key { … }` or
 * `key: { … }`, `# comments`, quoted strings, enum identifiers, and `key: [a, b]` lists.
 * Iterative, so deep nesting cannot overflow the stack.
 */
import { LIMITS, ParseError } from '../errors';

export type Scalar = number | string;

export interface Field {
  readonly key: string;
  readonly value: Scalar | Message;
  /** 1-based line of the key. */
  readonly line: number;
}

export interface Message {
  readonly fields: Field[];
  readonly line: number;
}

interface Token {
  readonly kind: 'ident' | 'number' | 'string' | 'punct';
  readonly text: string;
  readonly line: number;
}

const PUNCT = '{}[]:,;<>';

function* tokens(text: string): Generator<Token> {
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\n') throw new ParseError('syntax', line, '', 'a string runs past the end of its line');
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
        j++;
      }
      if (j >= text.length) throw new ParseError('syntax', line, '', 'a string is never closed (truncated text?)');
      yield { kind: 'string', text: value, line };
      i = j + 1;
    } else if (PUNCT.includes(c)) {
      yield { kind: 'punct', text: c, line };
      i++;
    } else {
      const m = /^[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|inf|nan)[fF]?|^[A-Za-z_][\w.]*/.exec(text.slice(i, i + 400));
      if (m === null || m[0] === '') throw new ParseError('syntax', line, '', `unexpected character "${c}"`);
      const word = m[0];
      yield { kind: /^[A-Za-z_]/.test(word) && !/^(inf|nan)$/.test(word) ? 'ident' : 'number', text: word, line };
      i += word.length;
    }
  }
}

function scalar(t: Token): Scalar {
  if (t.kind === 'number') return Number(t.text.replace(/[fF]$/, ''));
  if (t.kind === 'punct') throw new ParseError('syntax', t.line, '', `expected a value, got "${t.text}"`);
  return t.text;
}

export function parsePrototxt(text: string): Message {
  const root: Message = { fields: [], line: 1 };
  const stack: { msg: Message; close: string }[] = [{ msg: root, close: '' }];
  const it = tokens(text);
  const next = (): Token | undefined => {
    const r = it.next();
    return r.done === true ? undefined : r.value;
  };

  for (let t = next(); t !== undefined; t = next()) {
    const top = stack[stack.length - 1] as { msg: Message; close: string };
    if (t.kind === 'punct' && (t.text === ';' || t.text === ',')) continue;
    if (t.kind === 'punct' && (t.text === '}' || t.text === '>')) {
      if (stack.length === 1 || t.text !== top.close) throw new ParseError('syntax', t.line, '', `"${t.text}" closes nothing`);
      stack.pop();
      continue;
    }
    if (t.kind !== 'ident') throw new ParseError('syntax', t.line, '', `expected a field name, got "${t.text}"`);
    const key = t.text;
    let v = next();
    if (v?.kind === 'punct' && v.text === ':') v = next();
    if (v === undefined) throw new ParseError('syntax', t.line, key, 'the text ends after a field name (truncated text?)');
    if (v.kind === 'punct' && (v.text === '{' || v.text === '<')) {
      if (stack.length > LIMITS.depth) throw new ParseError('too-large', v.line, key, `messages nested deeper than ${LIMITS.depth} levels`);
      const msg: Message = { fields: [], line: t.line };
      top.msg.fields.push({ key, value: msg, line: t.line });
      stack.push({ msg, close: v.text === '{' ? '}' : '>' });
    } else if (v.kind === 'punct' && v.text === '[') {
      for (let item = next(); ; item = next()) {
        if (item === undefined) throw new ParseError('syntax', v.line, key, 'a "[" list is never closed (truncated text?)');
        if (item.kind === 'punct' && item.text === ']') break;
        if (item.kind === 'punct' && item.text === ',') continue;
        top.msg.fields.push({ key, value: scalar(item), line: item.line });
      }
    } else {
      top.msg.fields.push({ key, value: scalar(v), line: t.line });
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1] as { msg: Message };
    throw new ParseError('syntax', open.msg.line, '', 'a "{" is never closed (truncated text?)');
  }
  return root;
}

/** Every value of `key`. */
export function all(msg: Message, key: string): (Scalar | Message)[] {
  return msg.fields.filter((f) => f.key === key).map((f) => f.value);
}

export function first(msg: Message, key: string): Scalar | Message | undefined {
  return msg.fields.find((f) => f.key === key)?.value;
}

export function isMessage(v: Scalar | Message | undefined): v is Message {
  return typeof v === 'object' && v !== null;
}
