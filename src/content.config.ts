/** Content collections. Schemas live in src/lib/schema.ts; cross-file checks in src/lib/validate.ts. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema, frontSchema } from './lib/schema';

// The benchmark builds a synthetic corpus from another folder.
const base = process.env.HB_CONTENT_DIR ?? './content';

const chapters = defineCollection({
  // Every folder except front/ is a topic; a wrong folder name fails the topic check.
  loader: glob({ pattern: ['**/*.mdx', '!front/**', '!_*/**'], base }),
  schema: chapterSchema,
});

const front = defineCollection({
  loader: glob({ pattern: 'front/*.mdx', base }),
  schema: frontSchema,
});

export const collections = { chapters, front };
