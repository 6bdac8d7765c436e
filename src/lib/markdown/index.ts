/**
 * The Markdown/MDX plugins every content page goes through (astro.config.mjs; the model
 * tests run the same list): checklists and citations.
 */
import type { MdastPluginDefinition } from 'satteri';
import { checklistPlugin } from '../checklist/markdown-plugin.ts';
import { citationPlugin } from './citation-plugin.ts';
import { localNotesPlugin } from './notes-plugin.ts';

export function contentPlugins(): MdastPluginDefinition[] {
  return [checklistPlugin(), citationPlugin(), localNotesPlugin()];
}
