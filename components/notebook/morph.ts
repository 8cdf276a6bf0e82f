/**
 * Brings an element's content to new HTML by changing only what differs: a node whose tag
 * matches keeps its place and gets the new attributes and text; only a node whose kind or tag
 * changed, or that is new, is inserted. A result update then costs the page the style, layout
 * and paint of what changed (a number, a path, the map's src), not of a whole rebuilt subtree,
 * and the end state is exactly `element.innerHTML = html`.
 */

/** What an update did, for tests and measurements. */
export interface MorphCount {
  /** Nodes inserted (each inserted subtree counted once, at its root). */
  inserted: number;
  removed: number;
  /** Attributes set or removed, and text nodes rewritten. */
  changed: number;
}

function syncAttributes(target: Element, source: Element, count: MorphCount): void {
  for (const { name } of [...target.attributes]) {
    if (!source.hasAttribute(name)) {
      target.removeAttribute(name);
      count.changed += 1;
    }
  }
  for (const { name, value } of source.attributes) {
    if (target.getAttribute(name) !== value) {
      target.setAttribute(name, value);
      count.changed += 1;
    }
  }
}

function sameKind(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName && (!(a instanceof Element) || a.namespaceURI === (b as Element).namespaceURI);
}

function morphChildren(target: Node, source: Node, count: MorphCount): void {
  const incoming = [...source.childNodes];
  let current = target.firstChild;
  for (const next of incoming) {
    if (current && sameKind(current, next)) {
      if (current instanceof Element) {
        syncAttributes(current, next as Element, count);
        morphChildren(current, next, count);
      } else if (current.nodeValue !== next.nodeValue) {
        current.nodeValue = next.nodeValue;
        count.changed += 1;
      }
      current = current.nextSibling;
    } else {
      // The source node moves into the page (it came from a template: nothing else holds it).
      target.insertBefore(next, current);
      count.inserted += 1;
    }
  }
  while (current) {
    const stale = current;
    current = current.nextSibling;
    target.removeChild(stale);
    count.removed += 1;
  }
}

/** Makes `element`'s content equal to `html`, touching only the nodes that differ. */
export function morphInner(element: Element, html: string): MorphCount {
  const template = element.ownerDocument.createElement('template');
  template.innerHTML = html;
  const count: MorphCount = { inserted: 0, removed: 0, changed: 0 };
  morphChildren(element, template.content, count);
  return count;
}
