/**
 * Starlight route middleware (astro.config.mjs, `routeMiddleware`). A page not translated yet
 * is served in the translation's URL space with the English text (Starlight's fallback, with
 * its notice). It stays out of the search index: Pagefind files pages by <html lang>, so it
 * would otherwise put English text into the Chinese index.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  // A copy: the entry object is the English page's own.
  if (route.isFallback) route.entry = { ...route.entry, data: { ...route.entry.data, pagefind: false } };
});
