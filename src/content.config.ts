import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { SOURCE_HASH_PATTERN } from './i18n/source-hash.ts';

// Chapters live in the top-level content/ folder (see README, "Layout"); translations in
// content/<locale>/ (src/i18n/locales.ts).
export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: './content' }),
    schema: docsSchema({
      extend: z.object({
        // A translation: which version of its English source it translates (src/i18n/source-hash.ts).
        sourceHash: z.string().regex(SOURCE_HASH_PATTERN, 'sourceHash: 12 lowercase hex digits (npm run i18n:stamp -- <file>)').optional(),
      }),
    }),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
