/**
 * Slides: the model from chapter HTML (src/lib/slides.ts), and the built 16:9 PDFs read
 * back (npm test builds first): the page shape, no slide running onto a second page or off
 * its page, body text in large type, every chapter and section on a slide.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig } from '../../src/lib/config';
import { slidesDoc } from '../../src/lib/print/files';
import { TOPICS } from '../../src/lib/topics';
import { chapterSlides, linesFor, paginate, shortPoint } from '../../src/lib/slides';

describe('the slide model', () => {
  it('keeps a key point to its first sentence or bold lead-in, cut short at a natural break', () => {
    expect(shortPoint('通知一刀切。不管讲什么，通知都写“请主要负责同志参加”。')).toBe('通知一刀切');
    const long = shortPoint('参会对象写到具体岗位，例如负责城乡低保审核的工作人员，不笼统写有关同志，也不一律写主要负责同志');
    expect([...long].length).toBeLessThanOrEqual(40);
    expect(long.endsWith('…')).toBe(true);
  });

  it('splits long lists into slides that fit, evened out', () => {
    const items = Array.from({ length: 9 }, (_, i) => `第${i + 1}项要做的事情写在这里`);
    const pages = paginate(items);
    expect(pages.length).toBe(2);
    expect(pages.map((p) => p.length)).toEqual([5, 4]);
    expect(linesFor('字'.repeat(45))).toBe(3);
  });

  it('makes a chapter slide, key points per section, a slide per checklist and per question', () => {
    const html = [
      '<h2 id="问题表现">问题表现</h2><ul><li><strong>通知一刀切。</strong>不管讲什么都请主要负责同志。</li><li><strong>层层陪坐。</strong>后排坐满。</li></ul>',
      '<h2 id="怎么做">怎么做</h2><p>办会之前先判断事项分量。</p><h3 id="a">三档定人</h3><p>…</p><h3 id="b">写好会议通知</h3>',
      '<h2 id="清单">清单</h2><hb-checklist class="hb-checklist"><h3 class="hb-checklist__title">定参会范围前检查</h3><ul class="hb-checklist__items"><li><label><input type="checkbox"><span>已判断事项分量</span></label></li></ul></hb-checklist>',
      '<h2 id="培训讨论">培训讨论</h2><ol><li><p>拿出最近收到的三份通知，重新判断参会人。</p></li><li><p>主要负责人不去怎么办？</p></li></ol>',
      '<h2 id="依据">依据</h2><ul class="hb-sources"><li>…</li></ul>',
    ].join('');
    const slides = chapterSlides(html, { title: '谁来参会', description: '按事项定人。', label: '专题一 · 会议 · 第三章' });
    expect(slides.map((s) => s.kind)).toEqual(['chapter', 'points', 'points', 'checklist', 'question', 'question']);
    expect(slides[1]).toMatchObject({ title: '问题表现', points: ['通知一刀切', '层层陪坐'] });
    expect(slides[2]).toMatchObject({ title: '怎么做', points: ['办会之前先判断事项分量', '三档定人', '写好会议通知'] });
    expect(slides[3]).toMatchObject({ title: '定参会范围前检查', items: ['已判断事项分量'] });
    expect(slides[5]).toMatchObject({ question: '主要负责人不去怎么办？', number: 2 });
  });
});

const dist = getConfig().outDir;

/** Words of each page from `pdftotext -bbox`, with the page size. */
function pdfPages(file: string) {
  const xml = execFileSync('pdftotext', ['-bbox', path.join(dist, file), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), text: w[5],
    })),
  }));
}

describe.each(TOPICS.map((t) => [t.slug, t] as const))('slides/%s.pdf', (_slug, topic) => {
  const file = slidesDoc(topic).pdf;
  const html = readFileSync(path.join(dist, `slides/${topic.slug}/index.html`), 'utf8');
  const pages = pdfPages(file);

  it('is 16:9, one page per slide: no slide runs onto another page', () => {
    for (const p of pages) expect(p.width / p.height).toBeCloseTo(16 / 9, 2);
    expect(pages.length).toBe((html.match(/data-hb-slide/g) ?? []).length);
  });

  it('keeps every word inside its page, and body text at 24 pt or more', () => {
    const outside: string[] = [];
    const small: string[] = [];
    pages.forEach((p, i) => {
      // The first line is the slide's kicker (small on purpose); the foot is the running head.
      const kicker = Math.min(...p.words.map((w) => w.yMin));
      for (const w of p.words) {
        if (w.xMin < 0 || w.xMax > p.width + 1 || w.yMin < 0 || w.yMin > p.height) outside.push(`page ${i + 1}: ${w.text}`);
        // Size from the width: a Han character or full-width mark is one em, other characters about half.
        const chars = [...w.text];
        const ems = chars.reduce((n, c) => n + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u.test(c) ? 1 : 0.5), 0);
        const body = w.yMin > kicker + 1 && w.yMin < p.height - 40;
        if (body && chars.length >= 6 && (w.xMax - w.xMin) / ems < 22.5) small.push(`page ${i + 1}: ${w.text} (${((w.xMax - w.xMin) / ems).toFixed(1)} pt)`);
      }
    });
    expect(outside).toEqual([]);
    expect(small).toEqual([]);
  });

  it('has every chapter and its sections, checklists and discussion questions on slides', () => {
    const text = pages.map((p) => p.words.map((w) => w.text).join('')).join('|');
    for (const m of html.matchAll(/<section class="hb-slide hb-slide--chapter"[\s\S]*?<h2[^>]*>([^<]+)<\/h2>/g)) expect(text).toContain(m[1].replace(/\s+/g, ''));
    for (const section of ['问题表现', '规则与依据', '怎么做', '讨论题']) expect(text).toContain(section);
    expect((html.match(/hb-slide--chapter/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect((html.match(/hb-slide--question/g) ?? []).length).toBeGreaterThanOrEqual(8);
  });
});
