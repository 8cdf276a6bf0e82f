/**
 * Reads PyTorch's module repr (what print(model) shows) into a tree. Grammar, one module per line:
 *   Root(                                   a module with children, closed by ")" on its own line
 *   (name): Type(args)                      a leaf module (extra_repr on one line)
 *   (name): Type(                           a child with children
 *   (0-2): 3 x Type(args)                   ModuleList's run of identical modules (PyTorch ≥ 2.0)
 *   (name): None                            an unset optional child (e.g. aux_logits=False)
 * Iterative (no recursion), so nesting depth cannot overflow the stack.
 */
import { LIMITS, ParseError } from '../errors';

export type Value = number | boolean | null | string | readonly Value[];

export interface ModuleNode {
  /** Attribute name in the parent ("conv1", "0"); "" for the root. */
  readonly name: string;
  /** Dotted path from the root ("layer1.0.conv1"); "" for the root. */
  readonly path: string;
  readonly type: string;
  /** Positional arguments of the extra_repr, in order. */
  readonly args: readonly Value[];
  readonly kwargs: Readonly<Record<string, Value>>;
  readonly children: ModuleNode[];
  /** 1-based line in the pasted text. */
  readonly line: number;
}

const NAMED = /^\(([A-Za-z0-9_.-]+)\):\s*([A-Za-z_][\w.]*)\((.*)$/;
const REPEATED = /^\((\d+)-(\d+)\):\s*(\d+) x ([A-Za-z_][\w.]*)\((.*)$/;
const NONE = /^\(([A-Za-z0-9_.-]+)\):\s*None$/;
const ROOT = /^([A-Za-z_][\w.]*)\((.*)$/;

/** Splits at commas outside parentheses, brackets and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '') parts.push(last);
  return parts;
}

function parseValue(text: string): Value {
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (text === 'None') return null;
  if ((text.startsWith('(') && text.endsWith(')')) || (text.startsWith('[') && text.endsWith(']'))) {
    return splitTopLevel(text.slice(1, -1)).map(parseValue);
  }
  if (/^(['"]).*\1$/.test(text)) return text.slice(1, -1);
  return text;
}

function parseArgs(text: string): { args: Value[]; kwargs: Record<string, Value> } {
  const args: Value[] = [];
  const kwargs: Record<string, Value> = Object.create(null) as Record<string, Value>;
  for (const part of splitTopLevel(text)) {
    const kw = /^([A-Za-z_]\w*)\s*=\s*(.*)$/.exec(part);
    if (kw !== null) kwargs[kw[1] as string] = parseValue(kw[2] as string);
    else args.push(parseValue(part));
  }
  return { args, kwargs };
}

/** Balance of parentheses outside quotes; -1 as soon as a ")" has no partner. */
function balance(text: string): number {
  let depth = 0;
  let quote = '';
  for (const c of text) {
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return -1;
  }
  return depth;
}

interface Open {
  readonly node: ModuleNode;
  readonly extra: string[];
  /** `(0-2): 3 x Block(`: how many more copies of this node follow it in its parent. */
  copies?: number;
}

/** The same module under another name in the same parent (paths rewritten, lines kept). */
function renamed(node: ModuleNode, name: string, parentPath: string): ModuleNode {
  const path = parentPath === '' ? name : `${parentPath}.${name}`;
  return { ...node, name, path, children: node.children.map((c) => renamed(c, c.name, path)) };
}

function subtreeSize(node: ModuleNode): number {
  let n = 0;
  const stack = [node];
  while (stack.length > 0) {
    n++;
    stack.push(...(stack.pop() as ModuleNode).children);
  }
  return n;
}

function makeNode(parent: ModuleNode | null, name: string, type: string, argText: string, line: number): ModuleNode {
  const { args, kwargs } = parseArgs(argText);
  const path = parent === null || parent.path === '' ? name : `${parent.path}.${name}`;
  return { name, path, type, args, kwargs, children: [], line };
}

/**
 * `rest` is what follows "Type(": either the arguments and the closing ")" (a leaf), or nothing
 * (children follow). Anything else is an unbalanced line.
 */
function leafArgs(rest: string, line: number, type: string, last: boolean): string | null {
  if (rest.trim() === '') return null;
  const body = rest.trimEnd();
  if (body.endsWith(')') && balance(body.slice(0, -1)) === 0) return body.slice(0, -1);
  if (last && balance(body) >= 0) throw new ParseError('syntax', line, type, `the text ends inside "${type}(${clip(rest)}" (truncated text?)`);
  throw new ParseError('syntax', line, type, `unbalanced parentheses in "${clip(rest)}"`);
}

export function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

export function parseRepr(text: string): ModuleNode {
  const lines = text.split(/\r?\n/);
  const stack: Open[] = [];
  let root: ModuleNode | null = null;
  let count = 0;
  let lastLine = lines.length - 1;
  while (lastLine > 0 && (lines[lastLine] as string).trim() === '') lastLine--;

  const add = (node: ModuleNode, argText: string | null): void => {
    if (++count > LIMITS.nodes) throw new ParseError('too-large', node.line, node.type, `more than ${LIMITS.nodes} modules`);
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.node.children.push(node);
    if (argText === null) {
      if (stack.length >= LIMITS.depth) throw new ParseError('too-large', node.line, node.type, `modules nested deeper than ${LIMITS.depth} levels`);
      stack.push({ node, extra: [] });
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const t = (lines[i] as string).trim();
    if (t === '') continue;
    if (root !== null && stack.length === 0) {
      throw new ParseError('syntax', lineNo, '', `text after the model's closing ")": "${clip(t)}"`);
    }
    if (t === ')') {
      const open = stack.pop();
      if (open === undefined) throw new ParseError('syntax', lineNo, '', 'a ")" closes nothing');
      if (open.extra.length > 0) Object.assign(open.node, parseArgs(open.extra.join(', ')));
      if (open.copies !== undefined) {
        count += open.copies * subtreeSize(open.node);
        if (count > LIMITS.nodes) throw new ParseError('too-large', open.node.line, open.node.type, `more than ${LIMITS.nodes} modules`);
        const parentNode = (stack[stack.length - 1] as Open).node;
        const first = Number(open.node.name);
        for (let k = 1; k <= open.copies; k++) parentNode.children.push(renamed(open.node, String(first + k), parentNode.path));
      }
      continue;
    }
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      const m = ROOT.exec(t);
      if (m === null || root !== null) throw new ParseError('syntax', lineNo, '', `expected the model's class, like "ResNet(", got "${clip(t)}"`);
      const argText = leafArgs(m[2] as string, lineNo, m[1] as string, i === lastLine);
      root = makeNode(null, '', m[1] as string, argText ?? '', lineNo);
      add(root, argText);
      continue;
    }
    let m = NONE.exec(t);
    if (m !== null) continue;
    m = REPEATED.exec(t);
    if (m !== null) {
      const [from, to, times] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const type = m[4] as string;
      if (to - from + 1 !== times || times > LIMITS.nodes) throw new ParseError('syntax', lineNo, type, `"(${m[1]}-${m[2]}): ${m[3]} x" does not count ${m[3]} modules`);
      const argText = leafArgs(m[5] as string, lineNo, type, i === lastLine);
      if (argText === null) {
        // Its children follow once; the copies are made when its ")" closes it.
        const node = makeNode(parent.node, String(from), type, '', lineNo);
        add(node, null);
        (stack[stack.length - 1] as Open).copies = to - from;
      } else {
        for (let k = from; k <= to; k++) add(makeNode(parent.node, String(k), type, argText, lineNo), argText);
      }
      continue;
    }
    m = NAMED.exec(t);
    if (m !== null) {
      const argText = leafArgs(m[3] as string, lineNo, m[2] as string, i === lastLine);
      add(makeNode(parent.node, m[1] as string, m[2] as string, argText ?? '', lineNo), argText);
      continue;
    }
    // A module with children and an extra_repr prints its extra_repr lines before the children.
    if (parent.node.children.length === 0 && !t.startsWith('(') && balance(t) === 0) {
      parent.extra.push(t);
      continue;
    }
    throw new ParseError('syntax', lineNo, parent.node.path || parent.node.type, `not a module line: "${clip(t)}"`);
  }
  if (root === null) throw new ParseError('syntax', null, '', 'no module found');
  if (stack.length > 0) {
    const open = stack[stack.length - 1] as Open;
    throw new ParseError('syntax', open.node.line, open.node.path || open.node.type, `"${open.node.type}(" is never closed (truncated text?)`);
  }
  return root;
}
