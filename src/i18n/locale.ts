/**
 * The page's language, as components see it on the server. English lives at the site root,
 * Simplified Chinese under `<base>zh-cn/`. Read from the page URL, which every component has
 * (MDX-rendered ones included) whether or not the i18n routing is configured.
 */
import { translationLocales, type TranslationLocale } from './locales.ts';

/** English plus the translations declared in locales.ts (the one list of the site's languages). */
export type Locale = 'en' | TranslationLocale;

/** The locale of a page path (`Astro.url.pathname`) below the site base (`import.meta.env.BASE_URL`). */
export function localeFromPath(pathname: string, base: string): Locale {
  const root = base.endsWith('/') ? base : `${base}/`;
  const rest = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\//, '');
  return translationLocales.find((key) => rest === key || rest.startsWith(`${key}/`)) ?? 'en';
}

/** The locale of a chapter source file: translations live in content/<locale>/. */
export function contentFileLocale(path: string): Locale {
  return translationLocales.find((key) => path.includes(`/content/${key}/`)) ?? 'en';
}

/** In an `.astro` component: `pageLocale(Astro)`. */
export function pageLocale(astro: { readonly url: URL; readonly locals?: object }): Locale {
  // A page not translated yet shows the English text under the translation's URL (Starlight's
  // fallback); its widgets stay English with it.
  const route = (astro.locals as { starlightRoute?: { isFallback?: boolean } } | undefined)?.starlightRoute;
  if (route?.isFallback) return 'en';
  return localeFromPath(astro.url.pathname, import.meta.env.BASE_URL);
}

/** A widget's Chinese strings: its cell title and a complete label set. */
export interface Translation<L> {
  readonly title: string;
  readonly labels: L;
}

/**
 * In an `.astro` component: the value for the page's language, e.g. a table's strings
 * `pick(Astro, { en: EN, 'zh-cn': ZH })`. Typed complete, so a new locale is a compile error
 * wherever it lacks a value.
 */
export function pick<T>(astro: Parameters<typeof pageLocale>[0], byLocale: Readonly<Record<Locale, T>>): T {
  return byLocale[pageLocale(astro)];
}
