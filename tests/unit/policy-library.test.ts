/**
 * The policy library as the built site shows it (npm test builds first): every record's
 * page lists exactly the pages whose 依据 cite it; the timeline reaches the edition year;
 * and no built page carries one of the known-wrong forms listed in shared/policy-facts.md
 * (✘). Reads the built HTML, so it checks what readers and trainers actually get.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig } from '../../src/lib/config';

const dist = getConfig().outDir;
const built = existsSync(path.join(dist, 'policies/index.html'));

function pages(): { url: string; html: string }[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind'))
    .map((f) => ({ url: `/${f.replace(/index\.html$/, '')}`, html: readFileSync(path.join(dist, f), 'utf8') }));
}

const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, '');

/** The known-wrong forms (policy-facts.md, “What an editor must not write”), as patterns over page text. */
const WRONG: [string, RegExp][] = [
  ['the 2024 规定 is a 党内法规, not 行政法规', /若干规定[^。；]{0,30}行政法规|行政法规[^。；]{0,30}若干规定/],
  ['the 2024 规定 was issued 2024-08-06; 2025-08-06 is when the full text was made public', /2025年8月6日(印发|发布)|2024年8月中旬公布全文/],
  ['the “指尖” opinion was issued by 中央网信委, not 国家网信办', /(国家网信办|国家互联网信息办公室)[^。；]{0,30}(印发|发布|出台)[^。；]{0,20}指尖/],
  ['the “指尖” opinion is not by 中办、国办', /(中办、国办|两办|中共中央办公厅、国务院办公厅)[^。；]{0,15}《?关于防治“指尖/],
  ['the “指尖” opinion was made public in December 2023, not 2024', /2024年[^。；]{0,12}(印发|出台|发布)的?《?关于防治“指尖|《关于防治“指尖上的形式主义”的若干意见》（2024/],
  ['comprehensive inspections: in principle ≤ 1 item per department, not “每年对地方督查不超过1次”', /每年对地方督查不超过(1|一)次/],
  ['secondment: units 县及以下 (county level included), not “县以下”', /(?<!县级和|县及|及)(县以下|县级以下)[^。；]{0,12}借调|借调[^。；]{0,12}(?<!县级和|县及|及)(县以下|县级以下)/],
  ['the 50% cut of 督检考 is the 2018 notice’s, not 2019’s', /2019年[^。]{0,40}(督查检查考核|督检考)[^。]{0,30}50%/],
  ['the 2026 App rules cover units below county level, not “县级及以下”', /县级及以下[^。；]{0,10}(不得|不能|不再)开发/],
  ['unverified figures from unreliable sources', /发言8分钟|报告30分钟|研究报告5000字|最多1个面向基层/],
  ['the 2020 notice was issued by 中办 alone', /2020年(中办、国办|两办)/],
];

describe.skipIf(!built)('the policy library on the built site', () => {
  const all = built ? pages() : [];
  const records = all.filter((p) => /^\/policies\/[^/]+\/$/.test(p.url));

  it('has a page for every record', () => {
    expect(records.length).toBeGreaterThanOrEqual(10);
  });

  it('lists on each record page exactly the pages whose 依据 cite it', () => {
    const sources = new Map(
      all
        .filter((p) => !p.url.startsWith('/policies/') && !p.url.startsWith('/print/'))
        .map((p) => [p.url, /<ul class="hb-sources">([\s\S]*?)<\/ul>/.exec(p.html)?.[1] ?? ''] as const),
    );
    for (const record of records) {
      const listed = /<ul class="hb-policy__cited-by">([\s\S]*?)<\/ul>/.exec(record.html)?.[1] ?? '';
      const shown = [...listed.matchAll(/<a href="([^"#]+)"/g)].map((m) => m[1]).sort();
      const citing = [...sources].filter(([, list]) => list.includes(`href="${record.url}"`) || list.includes(`href="${record.url}#`)).map(([url]) => url).sort();
      expect(shown, record.url).toEqual(citing);
    }
    // The citations are real: most records are cited somewhere.
    expect(records.filter((r) => r.html.includes('hb-policy__cited-by')).length).toBeGreaterThan(records.length / 2);
  });

  it('says “以正式公布文本为准” once on each record page', () => {
    for (const record of records) expect(text(record.html).split('以正式公布文本为准').length - 1, record.url).toBe(1);
  });

  it('has a timeline from 2018 that reaches the edition year, every record on it', () => {
    const timeline = all.find((p) => p.url === '/policies/')!.html;
    expect(timeline).toMatch(/时间线（2018年至2026年）/);
    expect(text(timeline)).toContain('2026年');
    for (const record of records) expect(timeline, record.url).toContain(`href="${record.url}"`);
  });

  it('no built page states a known-wrong form', () => {
    const found = all.flatMap((p) => {
      const t = text(p.html);
      return WRONG.filter(([, re]) => re.test(t)).map(([why, re]) => `${p.url}: ${why} — “${re.exec(t)![0]}”`);
    });
    expect(found).toEqual([]);
  });
});

describe('the known-wrong patterns', () => {
  it('catch the wrong forms and let the right ones through', () => {
    const wrong = (t: string) => WRONG.filter(([, re]) => re.test(t)).map(([why]) => why);
    expect(wrong('2024年出台的《关于防治“指尖上的形式主义”的若干意见》')).toHaveLength(1);
    expect(wrong('上级机关原则上不得从县以下单位借调干部')).toHaveLength(1);
    expect(wrong('上级机关、单位原则上不得从县及以下单位借调干部')).toEqual([]);
    expect(wrong('原则上不能从县级和县级以下单位借调干部')).toEqual([]);
    expect(wrong('中央部门每年对地方督查不超过1次')).toHaveLength(1);
    expect(wrong('2023年12月公开的《关于防治“指尖上的形式主义”的若干意见》')).toEqual([]);
  });
});
