/** The <Checklist> Markdown plugin, run through Sätteri as Astro runs it. */
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import type { ChecklistData } from '../../src/lib/checklist/model';
import { checklistPlugin } from '../../src/lib/checklist/markdown-plugin';

let n = 0;
async function checklists(source: string): Promise<ChecklistData[]> {
  const data = { astro: { frontmatter: {} as Record<string, unknown> } };
  // A fresh file name per call: the plugin remembers which file owns which id.
  // Only the frontmatter part of Astro's per-file data matters to the plugin.
  const options = { mdastPlugins: [checklistPlugin()], fileURL: new URL(`file:///tmp/plugin-${n++}.mdx`), data } as unknown as Parameters<typeof mdxToJs>[1];
  await mdxToJs(source, options);
  return data.astro.frontmatter.checklists as ChecklistData[];
}

const list = (items: string[], attrs = 'id="meetings-x" title="会前检查" phase="before"') =>
  `<Checklist ${attrs}>\n\n${items.map((i) => `- [ ] ${i}`).join('\n')}\n\n</Checklist>\n`;

describe('checklist plugin', () => {
  it('keeps inline formatting and an explicit item id, and records title and phase', async () => {
    const [c] = await checklists(list(['参会范围已按**事项**确定 {/* id: scope */}', '议程已压缩']));
    expect(c).toMatchObject({ id: 'meetings-x', title: '会前检查', phase: 'before' });
    expect(c.items[0]).toEqual({ id: 'scope', text: '参会范围已按事项确定', html: '参会范围已按<strong>事项</strong>确定' });
    expect(c.items[1].id).toMatch(/^t[0-9a-z]+$/);
  });

  it('gives an item the same id wherever it moves', async () => {
    const [a] = await checklists(list(['甲项', '乙项', '丙项'], 'id="meetings-r1" title="T"'));
    const [b] = await checklists(list(['丙项', '甲项', '乙项'], 'id="meetings-r2" title="T"'));
    const ids = (c: ChecklistData) => Object.fromEntries(c.items.map((i) => [i.text, i.id]));
    expect(ids(b)).toEqual(ids(a));
  });

  it('rejects a list that is not a task list, or duplicate items', async () => {
    await expect(checklists('<Checklist id="meetings-y" title="T">\n\n- 普通列表\n\n</Checklist>\n')).rejects.toThrow(/只能写“- \[ \] 事项”格式/);
    await expect(checklists(list(['同一项', '同一项'], 'id="meetings-z" title="T"'))).rejects.toThrow(/有两项相同/);
  });

  it('rejects an unknown phase and a malformed id', async () => {
    await expect(checklists(list(['一项'], 'id="meetings-p" title="T" phase="soon"'))).rejects.toThrow(/phase 写成了 “soon”/);
    await expect(checklists(list(['一项'], 'id="Meetings X" title="T"'))).rejects.toThrow(/只能用小写英文字母/);
  });
});
