/**
 * A link to a section (/primer/#exercises, the glossary's "first explained in" links, a shared
 * link) lands on it and stays there while the page settles. The browser scrolls to the target
 * while the blocks above it are counted at estimated heights (content-visibility: auto,
 * src/styles/rendering.css) and before late work has changed their size (the math font, cells
 * drawing their results); /primer/#exercises ended 521 px below where a click on the same link
 * puts it, the page having grown above it after the browser's scroll. So until the reader
 * moves the page, or for a while after load, each change in the chapter's size scrolls the
 * target back into place.
 */
/** How long after load the page may still change size under the reader. */
const SETTLE_MS = 3000;

const id = decodeURIComponent(location.hash.slice(1));
const target = id ? document.getElementById(id) : null;
const chapter = document.querySelector('main');

if (target && chapter) {
  const keepInPlace = new ResizeObserver(() => target.scrollIntoView());
  const stop = () => keepInPlace.disconnect();
  keepInPlace.observe(chapter);
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) addEventListener(type, stop, { once: true, passive: true });
  const settle = () => setTimeout(stop, SETTLE_MS);
  if (document.readyState === 'complete') settle();
  else addEventListener('load', settle, { once: true });
}
