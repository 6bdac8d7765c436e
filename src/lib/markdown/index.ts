/**
 * The Markdown/MDX plugins every content page goes through (astro.config.mjs; the model
 * tests run the same list): first the checks that every component and local image a page
 * uses exists, then checklists, citations and a local edition's notes.
 */
import type { MdastPluginDefinition } from 'satteri';
import { checklistPlugin } from '../checklist/markdown-plugin.ts';
import { citationPlugin } from './citation-plugin.ts';
import { componentsPlugin } from './components-plugin.ts';
import { imagesPlugin } from './images-plugin.ts';
import { localNotesPlugin } from './notes-plugin.ts';

export function contentPlugins(): MdastPluginDefinition[] {
  return [componentsPlugin(), imagesPlugin(), checklistPlugin(), citationPlugin(), localNotesPlugin()];
}
