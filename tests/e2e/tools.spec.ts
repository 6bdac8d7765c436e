/**
 * The decision tools as a reader uses them: on a 360 px phone, by role and visible text,
 * with the keyboard alone, with JavaScript off, on paper (print media), with storage that
 * fails; plus each tool's script budget and where it is loaded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { builtPages, dist } from './site-pages';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const phone = { width: 360, height: 740 };

const TOOLS = [
  { tag: 'hb-meeting-cost', title: '会议成本估算', page: '/meetings/necessity/' },
  { tag: 'hb-document-decision', title: '是否需要发文', page: '/documents/necessity/' },
  { tag: 'hb-group-audit', title: '工作群体检', page: '/chat-groups/groups/' },
] as const;

const tool = (page: Page, title: string) => page.getByRole('region', { name: title });

async function noErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function axe(page: Page, selector: string): Promise<string[]> {
  // From the top of the page, as the site sweep does: otherwise whatever sits under the sticky
  // header at that moment counts as an obscured touch target.
  await page.evaluate(() => window.scrollTo(0, 0));
  const { violations } = await new AxeBuilder({ page }).include(selector).withTags(WCAG).analyze();
  return violations.map((v) => `${v.id}: ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page is not wider than the phone (nothing forces sideways scrolling). */
async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

test.use({ viewport: phone });

// ─── 会议成本估算 ───────────────────────────────────────────────────────────────

const MC = '/meetings/necessity/';
const mc = (page: Page) => tool(page, '会议成本估算');
const field = (scope: Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

async function fillMeeting(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await field(mc(page), name).fill(value);
}

const TYPICAL = {
  主要负责人: '20',
  分管领导: '20',
  '一般干部（含经办人员）': '20',
  参会单位数: '20',
  会议时长: '120',
  单程路上时间: '60',
  '改发通知时，每人阅读办理的时间': '15',
  下面还有几层要各开一次传达会: '2',
};

test.describe('会议成本估算', () => {
  test('fill in, see person-hours, savings and the assumptions', async ({ page }) => {
    const errors = await noErrors(page);
    await page.goto(MC);
    await fillMeeting(page, TYPICAL);
    await mc(page).getByRole('button', { name: '估算' }).click();
    const status = mc(page).getByRole('status');
    await expect(status).toContainText('估算完成');
    await expect(status).toContainText('共消耗约 720 人·小时');
    const alternatives = mc(page).getByRole('table', { name: /换一种做法/ });
    await expect(alternatives.getByRole('row', { name: /^按事项定人/ })).toContainText('480（67%）');
    await expect(alternatives.getByRole('row', { name: /视频会议/ })).toContainText('360（50%）');
    await expect(alternatives.getByRole('row', { name: /书面或线上通知/ })).toContainText('675（94%）');
    await expect(alternatives.getByRole('row', { name: /不再层层开会/ })).toContainText('480（67%）');
    // Each column heading reads on one line, not one character under another.
    for (const heading of await alternatives.getByRole('columnheader').all()) {
      const lines = await heading.evaluate((th) => {
        const text = document.createRange();
        text.selectNodeContents(th);
        return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, `“${await heading.textContent()}” wraps`).toBe(1);
    }
    await expect(mc(page).getByRole('table', { name: /按现在的开法/ }).getByRole('row', { name: /合计/ })).toContainText('720');
    await expect(mc(page).getByText('下面还有 2 层各开一次传达会，假设每一层的人数、时长和路程都和这次相同')).toBeVisible();
    await expect(mc(page).getByText('不折算成钱').last()).toBeVisible();
    await fitsPhone(page);
    expect(await axe(page, 'hb-meeting-cost')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('wrong input gets a Chinese message at the field, focus goes there, and no NaN appears', async ({ page }) => {
    await page.goto(MC);
    await fillMeeting(page, { ...TYPICAL, 会议时长: '两小时', 单程路上时间: '-30', 参会单位数: '99999999999999999999' });
    await mc(page).getByRole('button', { name: '估算' }).click();
    // Focus goes to the first field in error, in reading order.
    await expect(field(mc(page), '参会单位数')).toBeFocused();
    const minutes = field(mc(page), '会议时长');
    await expect(minutes).toHaveAttribute('aria-invalid', 'true');
    await expect(minutes).toHaveAccessibleDescription(/会议时长请用阿拉伯数字填写/);
    await expect(field(mc(page), '单程路上时间')).toHaveAccessibleDescription(/单程路上时间不能是负数/);
    await expect(field(mc(page), '参会单位数')).toHaveAccessibleDescription(/最多 10000 个/);
    await expect(mc(page).getByRole('status')).toContainText('还不能估算，请先修改 3 处');
    await expect(mc(page).getByText('估算结果')).toBeHidden();
    expect(await axe(page, 'hb-meeting-cost')).toEqual([]);
    // Corrected, the messages go away.
    await fillMeeting(page, TYPICAL);
    await mc(page).getByRole('button', { name: '估算' }).click();
    await expect(minutes).not.toHaveAttribute('aria-invalid');
    await expect(page.getByRole('main')).not.toContainText('NaN');
  });

  test('works from the keyboard alone: type, Enter to estimate, Tab to the result buttons', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(MC);
    await field(mc(page), '主要负责人').focus();
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab'); // the checked radio of the matter group
    await page.keyboard.press('ArrowDown'); // 重要事项
    await expect(mc(page).getByRole('radio', { name: /重要事项/ })).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.type('90');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    // 25 people × (90 + 60) min = 62.5 person-hours.
    await expect(mc(page).getByRole('status')).toContainText('共消耗约 62.5 人·小时');
    await expect(mc(page).getByRole('table', { name: /换一种做法/ }).getByRole('row', { name: /每个单位只来一名分管领导/ })).toBeVisible();
    await page.keyboard.press('Tab'); // layers
    await page.keyboard.press('Tab'); // 估算
    await page.keyboard.press('Tab');
    await expect(mc(page).getByRole('button', { name: '复制结果' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(mc(page).getByRole('status')).toHaveText(/结果已复制为文本/);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('会议成本估算');
    expect(text).toContain('主要负责人 5 人，分管领导 10 人，一般干部 10 人，共 25 人，来自 5 个单位');
    expect(text).toContain('估算的假设：');
  });

  test('prints the inputs and the result, without buttons; an out-of-date result stays off paper', async ({ page }) => {
    await page.goto(MC);
    await fillMeeting(page, TYPICAL);
    await mc(page).getByRole('button', { name: '估算' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(field(mc(page), '会议时长')).toBeVisible();
    await expect(field(mc(page), '会议时长')).toHaveValue('120');
    await expect(mc(page).getByRole('table', { name: /换一种做法/ })).toBeVisible();
    await expect(mc(page).getByText('估算的假设')).toBeVisible();
    await expect(mc(page).getByText(/人·小时 = 参会人数 ×/).first()).toBeVisible();
    await expect(mc(page).getByRole('button', { includeHidden: true })).toHaveCount(3);
    for (const name of ['估算', '复制结果', '打印结果']) await expect(mc(page).getByRole('button', { name, includeHidden: true })).toBeHidden();
    await expect(mc(page).getByRole('status', { includeHidden: true })).toBeHidden();
    // Only the chosen matter prints.
    await expect(mc(page).getByText('日常事项（请经办人员参加）')).toBeVisible();
    await expect(mc(page).getByText('重要事项（请分管领导参加）')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await field(mc(page), '会议时长').fill('60');
    await expect(mc(page).getByText('你改了上面的数字')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(mc(page).getByRole('table', { name: /换一种做法/ })).toBeHidden();
  });

  test('copying after a change copies the new estimate', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(MC);
    await fillMeeting(page, TYPICAL);
    await mc(page).getByRole('button', { name: '估算' }).click();
    await field(mc(page), '下面还有几层要各开一次传达会').fill('');
    await expect(mc(page).getByText('你改了上面的数字')).toBeVisible();
    await mc(page).getByRole('button', { name: '复制结果' }).click();
    await expect(mc(page).getByText('你改了上面的数字')).toBeHidden();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('这场会（含层层传达）共消耗约 240 人·小时。');
  });

  test('“打印结果” prints this tool alone', async ({ page }) => {
    await page.goto(MC);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await fillMeeting(page, TYPICAL);
    await mc(page).getByRole('button', { name: '估算' }).click();
    await mc(page).getByRole('button', { name: '打印结果' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
    await expect(page.getByRole('heading', { name: '规则与依据' })).toBeHidden();
    await expect(mc(page).getByRole('heading', { name: '会议成本估算' })).toBeVisible();
    await expect(mc(page).getByRole('table', { name: /换一种做法/ })).toBeVisible();
    // After printing the page prints whole again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('is on the meeting preparation sheets for 全部 and 事前, not on the others', async ({ page }) => {
    for (const url of ['/prepare/meetings/', '/prepare/meetings/before/']) {
      await page.goto(url);
      await expect(mc(page).getByRole('heading', { level: 2, name: '会议成本估算' })).toBeVisible();
    }
    for (const url of ['/prepare/meetings/during/', '/prepare/documents/']) {
      await page.goto(url);
      await expect(page.locator('hb-meeting-cost')).toHaveCount(0);
    }
    // 打印空白表 leaves the reader's numbers off the sheet.
    await page.goto('/prepare/meetings/before/');
    await fillMeeting(page, TYPICAL);
    await mc(page).getByRole('button', { name: '估算' }).click();
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => (document.documentElement.dataset.hbPrint = 'blank'));
    expect(await field(mc(page), '会议时长').evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
    await expect(mc(page).getByRole('table', { name: /换一种做法/ })).toBeHidden();
  });
});

// ─── 是否需要发文 ───────────────────────────────────────────────────────────────

const DD = '/documents/necessity/';
const dd = (page: Page) => tool(page, '是否需要发文');
const question = (page: Page, text: string) => dd(page).getByRole('group', { name: text, includeHidden: true });

test.describe('是否需要发文', () => {
  test('walks one question at a time to 合并发 with the 4000-character limit and the reasons', async ({ page }) => {
    const errors = await noErrors(page);
    await page.goto(DD);
    await expect(question(page, '不发这份文件，工作会受到实际影响吗？')).toBeVisible();
    await expect(question(page, '这是全局性、中心性或重点性工作吗？')).toBeHidden();
    await dd(page).getByRole('radio', { name: '会受影响' }).check();
    await expect(dd(page).getByRole('status')).toHaveText('下一个问题：这是全局性、中心性或重点性工作吗？');
    await question(page, '这是全局性、中心性或重点性工作吗？').getByRole('radio', { name: '是', exact: true }).check();
    await dd(page).getByRole('radio', { name: '不能，需要正式文件' }).check();
    await dd(page).getByRole('radio', { name: '能合并' }).check();
    await dd(page).getByRole('radio', { name: /专项工作或具体任务/ }).check();
    await expect(dd(page).getByText('建议', { exact: true })).toBeHidden();
    await question(page, '正文能控制在这个字数以内吗？').getByRole('radio', { name: '能', exact: true }).check();
    await expect(dd(page).getByRole('status')).toHaveText('建议：合并发（合并后正文一般不超过4000字）。理由和下一步见下方。');
    await expect(dd(page).getByRole('heading', { name: '建议' })).toBeVisible();
    await expect(dd(page).getByText('能与近期其他文件合并，合成一份发，不各发各的。')).toBeVisible();
    await expect(dd(page).getByText(/字数上限出自中办、国办《若干规定》第一部分/).last()).toBeVisible();
    await fitsPhone(page);
    expect(await axe(page, 'hb-document-decision')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('changing an earlier answer re-forms the path: 可发可不发 → 不发', async ({ page }) => {
    await page.goto(DD);
    await dd(page).getByRole('radio', { name: '会受影响' }).check();
    await dd(page).getByRole('radio', { name: /不是，属于日常性/ }).check();
    await dd(page).getByRole('radio', { name: '不需要' }).check();
    await expect(dd(page).getByRole('status')).toHaveText('建议：口头或线上通知。理由和下一步见下方。');
    await dd(page).getByRole('radio', { name: '不会，可发可不发' }).check();
    await expect(dd(page).getByRole('status')).toHaveText('建议：不发。理由和下一步见下方。');
    await expect(question(page, '这是全局性、中心性或重点性工作吗？')).toBeHidden();
    await expect(dd(page).getByText('可发可不发的，不发。')).toBeVisible();
  });

  test('works from the keyboard alone, and the record can be copied for the file', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(DD);
    await dd(page).getByRole('textbox', { name: /拟发文件/ }).focus();
    await page.keyboard.type('关于做好冬季防火工作的通知');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // 会受影响
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // 是
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // 能
    await expect(dd(page).getByRole('status')).toHaveText('建议：口头或线上通知。理由和下一步见下方。');
    await page.keyboard.press('Tab');
    await expect(dd(page).getByRole('button', { name: '复制判断记录' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dd(page).getByRole('status')).toHaveText(/判断记录已复制/);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('拟发文件：关于做好冬季防火工作的通知');
    expect(text).toContain('建议：口头或线上通知');
    expect(text).toContain('3. 打电话、在例会上布置或发线上通知，能把事情办成吗？ 能');
    // 重新判断 clears the answers and returns to the first question.
    await dd(page).getByRole('button', { name: '重新判断' }).press('Enter');
    await expect(dd(page).getByRole('radio', { name: '会受影响' })).toBeFocused();
    await expect(dd(page).getByRole('radio', { name: '会受影响' })).not.toBeChecked();
    await expect(question(page, '这是全局性、中心性或重点性工作吗？')).toBeHidden();
  });

  test('prints the questions with the chosen answers and the advice, without buttons', async ({ page }) => {
    await page.goto(DD);
    await dd(page).getByRole('radio', { name: '不会，可发可不发' }).check();
    await page.emulateMedia({ media: 'print' });
    await expect(dd(page).getByText('不会，可发可不发')).toBeVisible();
    await expect(dd(page).getByText('会受影响', { exact: true })).toBeHidden();
    await expect(dd(page).getByRole('heading', { name: '建议' })).toBeVisible();
    await expect(dd(page).locator('[data-hb-verdict]')).toHaveText('不发');
    await expect(dd(page).getByRole('button', { includeHidden: true })).toHaveCount(3);
    for (const name of ['复制判断记录', '打印判断记录', '重新判断']) await expect(dd(page).getByRole('button', { name, includeHidden: true })).toBeHidden();
    await expect(dd(page).getByText('判断方法', { exact: true })).toBeVisible();
    await expect(dd(page).getByText(/不发这份文件，工作会受到实际影响吗？不会/)).toBeVisible();
    // Before any answer, paper gets the written-out path, not a lone first question.
    await page.emulateMedia({ media: 'screen' });
    await dd(page).getByRole('button', { name: '重新判断' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(dd(page).getByRole('radio', { name: '会受影响', includeHidden: true })).toBeHidden();
  });
});

// ─── 工作群体检 ───────────────────────────────────────────────────────────────

const GA = '/chat-groups/groups/';
const KEY = 'hb:tools:group-audit:v1';
const ga = (page: Page) => tool(page, '工作群体检');
const entries = (page: Page) => ga(page).locator('.hb-audit__list > li');

interface Group { name: string; department: string; kind: '临时群' | '常设群'; ended?: boolean; unrelated?: boolean; purpose?: string; date?: string }
async function addGroup(page: Page, g: Group) {
  await field(ga(page), '群名称').fill(g.name);
  await field(ga(page), '所属部门').fill(g.department);
  if (g.purpose) await field(ga(page), '用途（一句话，可不填）').fill(g.purpose);
  await ga(page).getByRole('radio', { name: new RegExp(`^${g.kind}`) }).check();
  if (g.ended) await ga(page).getByRole('checkbox', { name: '这项临时工作已经结束' }).check();
  if (g.unrelated) await ga(page).getByRole('checkbox', { name: '群里有与这项工作无关的人员' }).check();
  if (g.date) await ga(page).getByLabel('最近一次有用消息的日期（可不填）').fill(g.date);
  await ga(page).getByRole('button', { name: '添加' }).click();
  await expect(ga(page).getByRole('status')).toContainText(`已添加“${g.name}”`);
}

const FOUR: Group[] = [
  { name: '迎检专项群', department: '党政办', kind: '临时群', ended: true, date: '2026-01-10' },
  { name: '党政办工作群', department: '党政办', kind: '常设群', unrelated: true, purpose: '日常工作安排' },
  { name: '党政办通知群', department: '党政办', kind: '常设群' },
  { name: '防汛群', department: '应急办', kind: '临时群' },
];

test.describe('工作群体检', () => {
  test('register groups and see which to dissolve, merge or clear; they survive a reload', async ({ page }) => {
    const errors = await noErrors(page);
    await page.goto(GA);
    for (const g of FOUR) await addGroup(page, g);
    await expect(ga(page).getByRole('status')).toContainText('共 4 个群：建议解散 1 个，合并 2 个（涉及 1 个部门），请无关人员退群 1 个，保留不动 1 个。');
    const items = entries(page);
    await expect(items).toHaveCount(4);
    await expect(items.nth(0)).toContainText('迎检专项群，建议：解散');
    await expect(items.nth(1)).toContainText('合并请无关人员退群');
    await expect(items.nth(1)).toContainText('“党政办”共有 2 个群（党政办工作群、党政办通知群）');
    await expect(items.nth(3)).toContainText('保留');
    await fitsPhone(page);
    expect(await axe(page, 'hb-group-audit')).toEqual([]);
    // The stored shape is the documented one.
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!);
    expect(stored.v).toBe(1);
    expect(stored.groups[0]).toEqual({
      id: 'g1', name: '迎检专项群', purpose: '', kind: 'temporary', ended: true, lastUseful: '2026-01-10', department: '党政办', unrelated: false,
    });
    await page.reload();
    await expect(entries(page)).toHaveCount(4);
    await expect(ga(page).getByText('共 4 个群', { exact: false }).first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a missing name or department is said at the field, in Chinese', async ({ page }) => {
    await page.goto(GA);
    await ga(page).getByRole('button', { name: '添加' }).click();
    await expect(field(ga(page), '群名称')).toBeFocused();
    await expect(field(ga(page), '群名称')).toHaveAccessibleDescription('请填写群名称。');
    await expect(field(ga(page), '所属部门')).toHaveAccessibleDescription(/请填写所属部门/);
    await expect(ga(page).getByText('请选择这是临时群还是常设群。', { exact: true })).toBeVisible();
    await expect(ga(page).getByRole('status')).toContainText('还不能保存，请先修改 3 处');
    expect(await axe(page, 'hb-group-audit')).toEqual([]);
  });

  test('“工作已经结束” applies to temporary groups only', async ({ page }) => {
    await page.goto(GA);
    const ended = ga(page).getByRole('checkbox', { name: '这项临时工作已经结束' });
    await expect(ended).toBeDisabled();
    await ga(page).getByRole('radio', { name: /^临时群/ }).check();
    await expect(ended).toBeEnabled();
    await ended.check();
    await ga(page).getByRole('radio', { name: '常设群' }).check();
    await expect(ended).toBeDisabled();
    await expect(ended).not.toBeChecked();
  });

  test('an entry can be changed and deleted', async ({ page }) => {
    await page.goto(GA);
    await addGroup(page, FOUR[2]);
    await addGroup(page, FOUR[1]);
    await entries(page).nth(0).getByRole('button', { name: /^修改\s*：党政办通知群$/ }).click();
    await expect(field(ga(page), '群名称')).toBeFocused();
    await expect(field(ga(page), '群名称')).toHaveValue('党政办通知群');
    await field(ga(page), '所属部门').fill('综治办');
    await ga(page).getByRole('button', { name: '保存修改' }).click();
    await expect(ga(page).getByRole('status')).toContainText('已保存对“党政办通知群”的修改。');
    await expect(entries(page).nth(0)).toContainText('综治办');
    await expect(entries(page).nth(0)).toContainText('保留');
    await expect(ga(page).getByRole('button', { name: '添加' })).toBeVisible();
    await entries(page).nth(1).getByRole('button', { name: /^删除\s*：党政办工作群$/ }).click();
    await expect(ga(page).getByRole('status')).toContainText('已删除“党政办工作群”');
    await expect(entries(page)).toHaveCount(1);
    await page.reload();
    await expect(entries(page)).toHaveCount(1);
  });

  test('清空 asks first; cancel keeps the entries, confirm removes them from this browser', async ({ page }) => {
    await page.goto(GA);
    await addGroup(page, FOUR[0]);
    await ga(page).getByRole('button', { name: '清空全部记录' }).click();
    const confirm = ga(page).getByRole('group', { name: '确认清空' });
    await expect(confirm.getByRole('button', { name: '确定清空' })).toBeFocused();
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(entries(page)).toHaveCount(1);
    await ga(page).getByRole('button', { name: '清空全部记录' }).click();
    await confirm.getByRole('button', { name: '确定清空' }).click();
    await expect(ga(page).getByRole('status')).toHaveText('已清空全部记录，这台设备上不再保存任何工作群。');
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
    await page.reload();
    await expect(ga(page).getByRole('heading', { name: '体检结果' })).toBeHidden();
  });

  test('works from the keyboard alone', async ({ page }) => {
    await page.goto(GA);
    await field(ga(page), '群名称').focus();
    await page.keyboard.type('秋收专班群');
    await page.keyboard.press('Tab');
    await page.keyboard.type('农业站');
    await page.keyboard.press('Tab');
    await page.keyboard.type('秋收进度');
    await page.keyboard.press('Tab'); // kind: first radio
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // 工作已经结束, now enabled
    await page.keyboard.press('Space');
    await expect(ga(page).getByRole('checkbox', { name: '这项临时工作已经结束' })).toBeChecked();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab'); // back in 用途
    await page.keyboard.press('Enter');
    await expect(ga(page).getByRole('status')).toContainText('已添加“秋收专班群”。共 1 个群：建议解散 1 个');
    await expect(field(ga(page), '群名称')).toBeFocused();
    await entries(page).nth(0).getByRole('button', { name: /^删除/ }).focus();
    await page.keyboard.press('Enter');
    await expect(ga(page).getByRole('status')).toContainText('已删除“秋收专班群”');
    await expect(field(ga(page), '群名称')).toBeFocused();
  });

  test('prints the summary without the form or buttons; with nothing registered, a blank register', async ({ page }) => {
    await page.goto(GA);
    await page.emulateMedia({ media: 'print' });
    const register = ga(page).getByRole('table', { name: '工作群登记表' });
    await expect(register).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await expect(register).toBeHidden();
    await addGroup(page, FOUR[0]);
    await addGroup(page, FOUR[1]);
    await page.emulateMedia({ media: 'print' });
    await expect(register).toBeHidden();
    await expect(ga(page).getByRole('textbox', { name: '群名称', includeHidden: true })).toBeHidden();
    await expect(ga(page).getByText('共 2 个群：建议解散 1 个').last()).toBeVisible();
    await expect(entries(page).nth(1)).toContainText('请无关人员退群');
    for (const name of ['添加', '复制体检结果', '打印体检结果', '清空全部记录']) {
      await expect(ga(page).getByRole('button', { name, includeHidden: true })).toBeHidden();
    }
    await expect(entries(page).nth(0).getByRole('button', { name: /^删除/, includeHidden: true })).toBeHidden();
  });

  test('the copied summary lists each group and its advice', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(GA);
    for (const g of FOUR) await addGroup(page, g);
    await ga(page).getByRole('button', { name: '复制体检结果' }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('工作群体检结果');
    expect(text).toContain('1. 迎检专项群（党政办，临时群，工作已结束）：解散');
    expect(text).toContain('2. 党政办工作群（党政办，常设群）：合并、请无关人员退群');
  });
});

test.describe('when storage misbehaves', () => {
  test('corrupt or foreign data is ignored without errors', async ({ page }) => {
    const errors = await noErrors(page);
    await page.goto(GA);
    await page.evaluate((k) => localStorage.setItem(k, '{not json'), KEY);
    await page.reload();
    await expect(ga(page).getByRole('button', { name: '添加' })).toBeVisible();
    await expect(ga(page).getByRole('heading', { name: '体检结果' })).toBeHidden();
    await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ v: 1, groups: [{ id: 'g1', name: '<img src=x onerror=alert(1)>', purpose: '', kind: 'standing', ended: false, lastUseful: '', department: '办', unrelated: false }, { id: 'g2', name: 7 }] })), KEY);
    await page.reload();
    await expect(entries(page)).toHaveCount(1);
    await expect(entries(page).nth(0)).toContainText('<img src=x onerror=alert(1)>');
    await addGroup(page, FOUR[3]);
    await page.reload();
    await expect(entries(page)).toHaveCount(2);
    expect(errors).toEqual([]);
  });

  test('a throwing localStorage still lets the reader audit, and says entries will not be kept', async ({ page }) => {
    const errors = await noErrors(page);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
        configurable: true,
      });
    });
    await page.goto(GA);
    await expect(ga(page).getByText('关闭页面后记录不会保留')).toBeVisible();
    await addGroup(page, FOUR[0]);
    await expect(entries(page)).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('a full storage quota is reported, not fatal', async ({ page }) => {
    const errors = await noErrors(page);
    await page.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('hb:tools:')) throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await page.goto(GA);
    await addGroup(page, FOUR[0]);
    await expect(ga(page).getByText('登记的内容没能保存')).toBeVisible();
    await expect(entries(page)).toHaveCount(1);
    expect(errors).toEqual([]);
  });
});

// ─── Without JavaScript ─────────────────────────────────────────────────────────

test.describe('when JavaScript is unavailable', () => {
  test.use({ javaScriptEnabled: false });

  test('会议成本估算 explains the method; the form is a disabled worksheet', async ({ page }) => {
    await page.goto(MC);
    await expect(mc(page).getByText('一场会消耗的人·小时 = 参会人数 ×（会议时长 + 往返路上时间）。')).toBeVisible();
    await expect(mc(page).getByText('这个浏览器没有运行本页的脚本，不能自动计算')).toBeVisible();
    await expect(field(mc(page), '会议时长')).toBeDisabled();
    await expect(mc(page).getByRole('button')).toHaveCount(0);
    await fitsPhone(page);
    await page.emulateMedia({ media: 'print' });
    await expect(field(mc(page), '会议时长')).toBeVisible();
    await expect(mc(page).getByText('这个浏览器没有运行本页的脚本')).toBeHidden();
  });

  test('是否需要发文 writes the whole path out; the questions are hidden', async ({ page }) => {
    await page.goto(DD);
    await expect(dd(page).getByText(/是全局性、中心性或重点性工作吗？不是 → 看是否需要书面依据/)).toBeVisible();
    await expect(dd(page).getByText(/正文一般不超过5000字；部署专项工作或具体任务的，一般不超过4000字/)).toBeVisible();
    await expect(dd(page).getByText('请按上面的五步对照着走一遍')).toBeVisible();
    await expect(dd(page).getByRole('radio')).toHaveCount(0);
    await expect(dd(page).getByRole('button')).toHaveCount(0);
  });

  test('工作群体检 states the three rules; on paper, a blank register', async ({ page }) => {
    await page.goto(GA);
    await expect(ga(page).getByText('临时群的工作已经结束，就解散。')).toBeVisible();
    await expect(ga(page).getByText(/一个部门原则上只保留一个工作群/)).toBeVisible();
    await expect(ga(page).getByText('群里有与这项工作无关的人，请他们退出。')).toBeVisible();
    await expect(ga(page).getByRole('textbox')).toHaveCount(0);
    await expect(ga(page).getByRole('button')).toHaveCount(0);
    await page.emulateMedia({ media: 'print' });
    await expect(ga(page).getByRole('table', { name: '工作群登记表' })).toBeVisible();
  });
});

// ─── Budget and placement ───────────────────────────────────────────────────────

/** Entry script of a tool, by the component file Astro names it after. */
const ENTRY = { 'hb-meeting-cost': 'MeetingCost', 'hb-document-decision': 'DocumentDecision', 'hb-group-audit': 'GroupAudit' } as const;

test.describe('each tool script', () => {
  for (const t of TOOLS) {
    test(`${t.title}: ≤ 6 KB gzipped, loaded with the tool and not on a page without it`, async ({ page }) => {
      const scripts = new Set<string>();
      page.on('request', (r) => r.resourceType() === 'script' && scripts.add(new URL(r.url()).pathname));
      await page.goto('/meetings/attendance/');
      const baseline = new Set(scripts);
      expect([...baseline].some((s) => s.includes(ENTRY[t.tag]))).toBe(false);
      scripts.clear();
      await page.goto(t.page);
      await expect(page.locator(t.tag).getByRole('status')).toBeAttached();
      const own = [...scripts].filter((s) => !baseline.has(s));
      expect(own.some((s) => s.includes(ENTRY[t.tag]))).toBe(true);
      const bytes = own.reduce((n, s) => n + gzipSync(readFileSync(path.join(dist, s))).length, 0);
      expect(bytes).toBeLessThanOrEqual(6 * 1024);
    });
  }

  test('is referenced only by pages that render its tool', () => {
    const offenders: string[] = [];
    let uses = 0;
    for (const url of builtPages()) {
      const html = readFileSync(path.join(dist, url, 'index.html'), 'utf8');
      for (const [tag, name] of Object.entries(ENTRY)) {
        const loads = new RegExp(`<script[^>]+src="/_astro/${name}\\.astro_astro_type_script`).test(html);
        const has = html.includes(`<${tag}`);
        if (has) uses++;
        if (loads !== has) offenders.push(`${url}: ${tag} ${has ? 'without its script' : 'script without the tool'}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(uses).toBeGreaterThanOrEqual(5);
  });
});

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });
  test('each tool, filled in, passes axe', async ({ page }) => {
    await page.goto(MC);
    await fillMeeting(page, { ...TYPICAL, 会议时长: 'x' });
    await mc(page).getByRole('button', { name: '估算' }).click();
    await fillMeeting(page, TYPICAL);
    await mc(page).getByRole('button', { name: '估算' }).click();
    await expect(mc(page).getByRole('status')).toContainText('估算完成');
    expect(await axe(page, 'hb-meeting-cost')).toEqual([]);
    await page.goto(DD);
    await dd(page).getByRole('radio', { name: '不会，可发可不发' }).check();
    expect(await axe(page, 'hb-document-decision')).toEqual([]);
    await page.goto(GA);
    await addGroup(page, FOUR[1]);
    await addGroup(page, FOUR[2]);
    expect(await axe(page, 'hb-group-audit')).toEqual([]);
  });
});

test('the work-group audit stays in step across two open tabs', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(GA);
  await b.goto(GA);
  await addGroup(a, FOUR[0]);
  await expect(entries(b)).toHaveCount(1);
  await expect(entries(b).nth(0)).toContainText('迎检专项群');
});
