/**
 * The site's languages, shared by astro.config.mjs, the sidebar and the tests. English is the
 * source and lives at the root; every other locale is a translation under /<key>/ whose pages
 * are content/<key>/<slug>.mdx. Starlight serves the English page (with its "not translated
 * yet" notice) at /<key>/<slug>/ until the translation lands.
 */
export const locales = {
  root: { label: 'English', lang: 'en' },
  'zh-cn': { label: '简体中文', lang: 'zh-CN' },
} as const;

/** Locale keys of the translations (URL prefix and content folder), e.g. "zh-cn". */
export type TranslationLocale = Exclude<keyof typeof locales, 'root'>;
export const translationLocales = Object.keys(locales).filter((k) => k !== 'root') as TranslationLocale[];

/** The site title per BCP-47 language tag (Starlight's per-language title). */
export const siteTitle = { en: 'Backbone Notebook', 'zh-CN': '骨干网络笔记' } as const;
