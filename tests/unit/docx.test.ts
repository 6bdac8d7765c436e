/**
 * Editable Word handouts: the HTML pandoc reads (checklists as tables of boxes, no screen
 * or print furniture), the CJK fonts of the reference styles, and the built .docx files read
 * back with pandoc (npm test builds first): each opens and holds every chapter title and
 * checklist item of its topic.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cjkStyles } from '../../src/integrations/docx/index';
import { handoutForDocx } from '../../src/integrations/docx/html';
import { getConfig } from '../../src/lib/config';
import { handoutDocx } from '../../src/lib/print/files';
import { TOPICS } from '../../src/lib/topics';

const page = `<html><head><title>会议培训讲义</title></head><body><header>站点</header><div class="hb-print-doc">
<nav class="hb-print-toc"><ol><li>目录</li></ol></nav>
<section><h2>谁来参会</h2><div class="hb-print-section__qr"><svg></svg></div>
<hb-checklist class="hb-checklist"><h3 class="hb-checklist__title">定参会范围前检查</h3>
<ul class="hb-checklist__items"><li><label><input type="checkbox" disabled><span>已判断事项分量</span></label></li><li><label><input type="checkbox"><span>通知写明参会岗位</span></label></li></ul>
<div class="hb-checklist__actions" hidden><button>复制</button></div><p class="hb-checklist__status" role="status" hidden>已完成 0/2</p></hb-checklist>
<section class="hb-worksheet-form"><div class="hb-worksheet-form__prompts"><ol><li>通知里有几处问题？<span class="hb-worksheet-form__lines"><span></span></span></li></ol></div></section>
<p>见<a href="#p-meetings-overview">总览</a>，<a href="https://example.org/">外链</a>。</p></section></div></body></html>`;

describe('the handout as pandoc reads it', () => {
  const html = handoutForDocx(page);

  it('keeps the document, not the site around it or the print furniture', () => {
    expect(html).toContain('<title>会议培训讲义</title>');
    expect(html).toContain('<h2>谁来参会</h2>');
    expect(html).not.toMatch(/站点|目录|<svg|<button|已完成 0\/2|hb-worksheet-form__lines/);
  });

  it('turns a checklist into a table of boxes with the fields to fill in', () => {
    expect(html).toContain('<table><thead><tr><th>完成</th><th>事项</th></tr></thead><tbody><tr><td>☐</td><td>已判断事项分量</td></tr><tr><td>☐</td><td>通知写明参会岗位</td></tr></tbody></table>');
    expect(html).toContain('日期：________　责任人：________');
  });

  it('gives worksheet prompts lines to write on and keeps link text only inside the handout', () => {
    expect(html).toMatch(/通知里有几处问题？<br ?\/?>_{20,}/);
    expect(html).toContain('见总览，<a href="https://example.org/">外链</a>。');
  });
});

describe('the reference styles', () => {
  const styles = `<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" /><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA" /></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1" /><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" /><w:b /></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title" /></w:style></w:styles>`;

  it('set 宋体 for body text, 黑体 for headings and titles, Chinese as the East Asian language', () => {
    const out = cjkStyles(styles);
    expect(out).toContain('w:eastAsia="宋体"');
    expect(out).toContain('w:eastAsia="zh-CN"');
    expect(out.match(/w:eastAsia="黑体"/g)).toHaveLength(2);
    expect(out).toContain('<w:b />');
  });
});

const dist = getConfig().outDir;

describe.each(TOPICS.map((t) => [t.slug, t] as const))('handouts/%s.docx', (slug, topic) => {
  const file = path.join(dist, handoutDocx(topic).file);

  it('opens as a Word document in CJK fonts, with every chapter title and checklist item of the topic', () => {
    const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8', maxBuffer: 32 << 20 }).replace(/\s+/g, '');
    const styles = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/styles.xml']);
    expect(styles).toContain('w:eastAsia="宋体"');
    const page = readFileSync(path.join(dist, 'print', slug, 'index.html'), 'utf8');
    const titles = [...page.matchAll(/<h2 class="hb-print-section__title"[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    const items = [...page.matchAll(/<li data-item-id="[^"]+">[\s\S]*?<span>([\s\S]*?)<\/span>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(titles.length).toBeGreaterThanOrEqual(4);
    expect(items.length).toBeGreaterThanOrEqual(20);
    const plain = (s: string) => s.replace(/\s+/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(titles.filter((t) => !text.includes(plain(t)))).toEqual([]);
    expect(items.filter((t) => !text.includes(plain(t)))).toEqual([]);
    expect(text).toContain('☐');
  });
});
