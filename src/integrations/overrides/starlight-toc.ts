/**
 * Stands in for Starlight's `starlight-toc` element script (aliased in astro.config.mjs; the
 * markup and styles stay Starlight's, and its mobile table of contents extends this class).
 * Starlight's version finds the current section by observing every block of the chapter, picked
 * with a `:has()`/`~` selector over all of `main`: on these chapters that one query cost 80–170 ms
 * of main thread at load (CPU profile, no throttling, both instances), a long task in every
 * Lighthouse run. This one marks the same link, the last heading above the line where Starlight's
 * band starts, by a binary search over the few headings the table links to, once per scrolled
 * frame, and does nothing while it is hidden (the desktop list on a phone, the mobile one on a
 * desktop).
 */
// Every page with a table of contents has sections a link can point to.
import './arrive-at-section.ts';

const PAGE_TITLE_ID = '_top';
/** Starlight's band: 32 px below the header (and the mobile summary), 53 px tall. */
const BAND_OFFSET = 32;
const BAND_HEIGHT = 53;

const onIdle = (callback: () => void) => (window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1)))(callback);

export class StarlightTOC extends HTMLElement {
  private currentLink: HTMLAnchorElement | null = this.querySelector('a[aria-current="true"]');

  set current(link: HTMLAnchorElement) {
    if (link === this.currentLink) return;
    this.currentLink?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.currentLink = link;
  }

  constructor() {
    super();
    onIdle(() => this.init());
  }

  private init(): void {
    // The headings the links point to, in document order (the page title first).
    const targets = [...this.querySelectorAll('a')].flatMap((link) => {
      const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      return heading ? [{ link, heading }] : [];
    });
    if (targets.length === 0) return;
    const line = () =>
      (document.querySelector('header')?.getBoundingClientRect().height ?? 0) +
      (this.querySelector('summary')?.getBoundingClientRect().height ?? 0) +
      BAND_OFFSET +
      BAND_HEIGHT;
    let frame = 0;
    const update = () => {
      frame = 0;
      if (this.checkVisibility?.() === false) return;
      const y = line();
      // Last heading whose top is above the line; before the first, the page title.
      let lo = 0;
      let hi = targets.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (targets[mid]!.heading.getBoundingClientRect().top < y) lo = mid;
        else hi = mid - 1;
      }
      const top = targets.find((t) => t.heading.id === PAGE_TITLE_ID) ?? targets[0]!;
      this.current = targets[lo]!.heading.getBoundingClientRect().top < y ? targets[lo]!.link : top.link;
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule, { passive: true });
    update();
  }
}

customElements.define('starlight-toc', StarlightTOC);
