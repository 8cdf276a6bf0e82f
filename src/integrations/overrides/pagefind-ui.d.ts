// The Pagefind UI ships no types; pagefind-on-demand.ts only constructs it with Starlight's options.
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
  }
}
