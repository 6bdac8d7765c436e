/**
 * Content collections, defined by what they are: chapters are the .mdx files in the topic
 * folders (from src/lib/topics.ts, through the route map), front matter the files in front/,
 * policy records the files in policies/, training exercises those in exercises/<topic>/.
 * Each is read from every content layer (src/lib/config.ts). Schemas live in src/lib/schema.ts,
 * checks across files in src/lib/validate.ts.
 */
import { defineCollection } from 'astro:content';
import { getConfig } from './lib/config.ts';
import { layeredGlob } from './lib/loaders.ts';
import { ADDITIONS, ROUTES } from './lib/routes.ts';
import { chapterSchema, exerciseSchema, frontSchema, glossarySchema, noteSchema, policySchema } from './lib/schema.ts';

const { layers } = getConfig();

const chapters = defineCollection({
  loader: layeredGlob({ layers, folder: ROUTES.chapters.folder, patterns: ROUTES.chapters.patterns }),
  schema: chapterSchema,
});

const front = defineCollection({
  loader: layeredGlob({ layers, folder: ROUTES.front.folder, patterns: ROUTES.front.patterns }),
  schema: frontSchema,
});

const policies = defineCollection({
  loader: layeredGlob({ layers, folder: ROUTES.policies.folder, patterns: ROUTES.policies.patterns }),
  schema: policySchema,
});

const exercises = defineCollection({
  loader: layeredGlob({ layers, folder: ROUTES.exercises.folder, patterns: ROUTES.exercises.patterns }),
  schema: exerciseSchema,
});

// A local edition's additions to national pages: notes under headings, local glossary terms.
const notes = defineCollection({
  loader: layeredGlob({ layers, folder: ADDITIONS.notes.folder, patterns: [...ADDITIONS.notes.patterns] }),
  schema: noteSchema,
});

const glossary = defineCollection({
  loader: layeredGlob({ layers, folder: ADDITIONS.glossary.folder, patterns: [...ADDITIONS.glossary.patterns] }),
  schema: glossarySchema,
});

export const collections = { chapters, front, policies, exercises, notes, glossary };
