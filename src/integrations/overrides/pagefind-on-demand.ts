/**
 * Stands in for `@pagefind/default-ui` (aliased in astro.config.mjs). Starlight imports the
 * Pagefind UI on every page as soon as the browser is idle: 26.5 kB of gzip JavaScript, more
 * than any chapter's own code, that most readers never use. This shim takes the same options
 * but loads the real UI only when the search dialog first opens, then moves focus into it.
 */
type Options = Record<string, unknown> & { element: string };

export class PagefindUI {
  constructor(options: Options) {
    const dialog = document.querySelector('site-search dialog');
    if (!dialog) return;
    let loading = false;
    const load = () => {
      if (loading || !dialog.hasAttribute('open')) return;
      loading = true;
      observer.disconnect();
      import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(
        ({ PagefindUI: Real }) => {
          focusWhenRendered(options.element);
          new Real(options);
        },
        // Offline or a failed fetch: try again the next time the dialog opens, without a console error.
        () => {
          loading = false;
          observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
        },
      );
    };
    const observer = new MutationObserver(load);
    observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
    load();
  }
}

/** Starlight focused the (then empty) search box on open; focus the real input once it renders. */
function focusWhenRendered(selector: string): void {
  const host = document.querySelector(selector);
  if (!host) return;
  const focus = () => {
    const input = host.querySelector('input');
    if (!input) return false;
    input.focus();
    return true;
  };
  if (focus()) return;
  const watcher = new MutationObserver(() => {
    if (focus()) watcher.disconnect();
  });
  watcher.observe(host, { childList: true, subtree: true });
}
