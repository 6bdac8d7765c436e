/**
 * The trainer's kit as a trainer uses it in the browser: the 培训资料 page leads to every
 * topic's materials, the slides run as a presenter view from the keyboard (and a clicker,
 * which sends PageDown), resume from the address, and read as a column without JavaScript.
 * The PDFs and Word files themselves are checked in tests/unit/trainer-kit.test.ts and
 * print.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { TOPICS } from '../../src/lib/topics';

test('培训资料 leads to each topic’s handouts, trainer edition, slides and Word file', async ({ page }) => {
  await page.goto('/training/');
  await expect(page.getByRole('heading', { level: 1, name: '培训资料' })).toBeVisible();
  for (const { name, slug } of TOPICS) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(`^${name}讲师版讲义 PDF（`) })).toHaveAttribute('href', `/handouts/trainer/${slug}.pdf`);
    await expect(page.getByRole('link', { name: new RegExp(`^${name}培训讲义 Word 版`) })).toHaveAttribute('href', `/handouts/${slug}.docx`);
    await expect(page.getByRole('link', { name: new RegExp(`^${name}培训课件 PDF`) })).toHaveAttribute('href', `/slides/${slug}.pdf`);
  }
  await page.getByRole('link', { name: /^改写一份臃肿的会议通知/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '改写一份臃肿的会议通知' })).toBeVisible();
});

test.describe('slides in the browser', () => {
  test('开始放映 shows one slide at a time; arrows, PageDown, Home/End and Esc work; the address keeps the place', async ({ page }) => {
    await page.goto('/slides/meetings/');
    await expect(page.getByRole('heading', { level: 1, name: '会议培训课件' })).toBeVisible();
    const slides = page.getByRole('group');
    const total = await slides.count();
    expect(total).toBeGreaterThan(20);

    await page.getByRole('button', { name: '开始放映' }).click();
    const status = page.getByRole('status');
    await expect(status).toHaveText(`第 1 张，共 ${total} 张：会议`);
    // Only the current slide is shown.
    await expect(slides.filter({ visible: true })).toHaveCount(1);

    await page.keyboard.press('ArrowRight');
    await expect(status).toHaveText(`第 2 张，共 ${total} 张：会议减负总览`);
    await expect(slides.filter({ visible: true }).getByRole('heading', { name: '会议减负总览' })).toBeVisible();
    await page.keyboard.press('PageDown'); // a clicker's “next”
    await expect(status).toContainText(`第 3 张，共 ${total} 张`);
    await page.keyboard.press('ArrowLeft');
    await expect(status).toContainText('第 2 张');
    await expect(page).toHaveURL(/#slide-overview-1$/);
    await page.keyboard.press('End');
    await expect(status).toContainText(`第 ${total} 张`);
    await page.getByRole('button', { name: '上一张' }).click();
    await expect(status).toContainText(`第 ${total - 1} 张`);

    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: '退出放映' })).toBeHidden();
    await expect(page.getByRole('button', { name: '开始放映' })).toBeFocused();
    expect(await slides.filter({ visible: true }).count()).toBeGreaterThan(1);

    // A reload resumes where the trainer was.
    await page.reload();
    await page.getByRole('button', { name: '开始放映' }).click();
    await expect(page.getByRole('status')).toContainText(`第 ${total - 1} 张`);
  });

  test('without JavaScript the slides are a column to scroll, with how to project them', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/slides/documents/');
    await expect(page.getByRole('button', { name: '开始放映' })).toBeHidden();
    await expect(page.getByText(/放映：把浏览器切到全屏/)).toBeVisible();
    const slides = page.getByRole('group');
    expect(await slides.filter({ visible: true }).count()).toBe(await slides.count());
    await expect(slides.first().getByRole('heading', { name: '发文' })).toBeVisible();
    await context.close();
  });
});
