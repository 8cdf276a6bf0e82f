// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkMermaidSvg } from './src/integrations/remark-mermaid.ts';
import { rehypeMathPagefindIgnore } from './src/integrations/rehype-math-pagefind.ts';
import { rehypeMathNoBreak } from './src/integrations/rehype-math-nobreak.ts';
import { rehypeKatexErrors } from './src/integrations/rehype-katex-errors.ts';
import { rehypeMathmlCore } from './src/integrations/rehype-mathml-core.ts';
import { sidebar } from './src/integrations/sidebar.ts';
import { locales, siteTitle, translationLocales } from './src/i18n/locales.ts';
import { contentFileLocale } from './src/i18n/locale.ts';
import { rehypeSharedHeadingIds } from './src/integrations/rehype-shared-heading-ids.ts';
import { buildHints } from './src/integrations/build-hints.ts';
import { pluginScrollFocus } from './src/integrations/ec-scroll-focus.ts';

/** The modules (with what they import) that every page with a widget loads: see `codeSplitting`. */
const NOTEBOOK_CORE = /[\\/](components[\\/]notebook[\\/]runtime|src[\\/]calc[\\/](analyse|format)|src[\\/]widget[\\/]html)\.ts$/;
/** The main thread's end of the cells' Web Workers. */
const WORKER_CLIENT = /[\\/]components[\\/]notebook[\\/](worker|render)-client\.ts$/;

// SITE and BASE let the same build serve from a domain root or a project path (GitHub Pages).
const site = process.env.SITE ?? 'https://backbone-notebook.example.org';
const base = process.env.BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; the unified one runs them.
    processor: unified({
      remarkPlugins: [remarkMath, [remarkMermaidSvg, { base }]],
      // MathML only: KaTeX's default also writes an HTML copy of every formula (about half of a
      // chapter's DOM, slow to style and lay out); the browser typesets MathML with the math font.
      // Last of ours, before Astro's heading-id pass (which keeps ids already set): a translated
      // page's headings take the English page's anchors (src/integrations/rehype-shared-heading-ids.ts).
      rehypePlugins: [
        [rehypeKatex, { output: 'mathml', strict: 'error', throwOnError: true }],
        rehypeKatexErrors,
        rehypeMathmlCore,
        rehypeMathPagefindIgnore,
        rehypeMathNoBreak,
        [rehypeSharedHeadingIds, { contentDir: fileURLToPath(new URL('./content', import.meta.url)), locales: translationLocales }],
      ],
    }),
  },
  vite: {
    resolve: {
      // The search UI loads when the search opens, not on every page; the table of contents finds
      // its current section without a whole-page query (see the files).
      alias: [
        { find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/integrations/overrides/pagefind-on-demand.ts', import.meta.url)) },
        // Starlight's table-of-contents script, without its whole-page `:has()` query (see the file).
        { find: /^\.\.\/components-internals\/TableOfContents\/starlight-toc$/, replacement: fileURLToPath(new URL('./src/integrations/overrides/starlight-toc.ts', import.meta.url)) },
      ],
    },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                // Every page with a widget loads the cell runtime, the calc core's analyse(), its
                // number formats and the output HTML helpers. Left to itself Rolldown split them into
                // six chunks by which widget imports what; as one chunk each such page loads 1.7 kB
                // (gzip) less: no import/export lists between them, one gzip stream. A module only
                // some widgets use stays with those widgets. The worker client (the simulations and
                // the paste cell) is one chunk of its own: 0.4 kB less on a page without them, 0.2 kB
                // more on one with them than inside the notebook chunk.
                groups: [
                  { name: 'notebook', test: NOTEBOOK_CORE },
                  { name: 'worker-client', test: WORKER_CLIENT },
                ],
              },
            },
          },
        },
      },
    },
    build: {
      rolldownOptions: {
        // Astro's MDX compiler emits its own "use astro:head-inject" directive into every chapter;
        // the bundler's note about it is not about our content. Every other warning stays visible.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: siteTitle,
      // The fallback for a page without its own; every chapter, in every language, has one.
      description:
        'An interactive notebook on the CNN backbones behind semantic segmentation: every shape, parameter, MAC and receptive field computed live.',
      // English at the root, translations under /<locale>/ (src/i18n/locales.ts). A page not yet
      // translated is served there with the English text and Starlight's notice.
      defaultLocale: 'root',
      locales,
      routeMiddleware: './src/integrations/route-data.ts',
      // Chapters live in ./content, outside Starlight's default src/content/docs.
      markdown: { processedDirs: ['./content'] },
      customCss: [
        './src/styles/notebook.css',
        './src/styles/math.css',
        './src/styles/figures.css',
        './src/styles/rendering.css',
        './src/styles/cells.css',
        './src/styles/tables.css',
        './src/styles/exercises.css',
        './src/styles/print.css',
        './src/styles/chinese.css',
      ],
      sidebar,
      lastUpdated: false,
      pagination: true,
      credits: false,
      expressiveCode: {
        // Starlight finds a code block's language from its path under src/content/docs; our chapters
        // live in ./content, so the copy button would speak English on Chinese pages.
        getBlockLocale: ({ file }) => {
          const locale = contentFileLocale(file.path);
          return locale === 'en' ? locales.root.lang : locales[locale].lang;
        },
        // A block that may scroll sideways is focusable in the HTML, not only once measured (see the file).
        plugins: [pluginScrollFocus()],
      },
      components: {
        // The search button's accessible name matches its visible label (see the file).
        Search: './src/integrations/overrides/Search.astro',
        // The language picker as links: no JavaScript (see the file).
        LanguageSelect: './src/integrations/overrides/LanguageSelect.astro',
      },
    }),
    buildHints(),
  ],
});
