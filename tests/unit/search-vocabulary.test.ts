import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanKeyword, pageKeywords, parseGlossary, searchVocabulary } from '../../src/lib/search/vocabulary';

const SAMPLE = `---
title: 术语
---

## 会议与文件

### 陪会

指与会议议题关系不大的人被通知到场。

相关章节：[谁来参会：参会范围与陪会](/meetings/attendance/)

### 以会议落实会议

相关章节：[该不该开](/meetings/necessity/)、[视频会议与会后落实](/meetings/video-follow-up/#怎么做)

## 总体

正文里的 [链接](/guide/preface/) 不算。
`;

describe('glossary terms and their chapters', () => {
  it('reads each ### term with the links on its 相关章节 line', () => {
    expect(parseGlossary(SAMPLE)).toEqual([
      { term: '陪会', hrefs: ['/meetings/attendance/'] },
      { term: '以会议落实会议', hrefs: ['/meetings/necessity/', '/meetings/video-follow-up/'] },
    ]);
  });

  it('reads the handbook’s own glossary', () => {
    const mdx = readFileSync(path.resolve(import.meta.dirname, '../../content/front/glossary.mdx'), 'utf8');
    const entries = parseGlossary(mdx);
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.find((e) => e.term === '留痕')?.hrefs).toContain('/assessment/traces/');
    for (const entry of entries) expect(entry.hrefs.length, entry.term).toBeGreaterThan(0);
  });
});

describe('page keywords and the vocabulary', () => {
  const glossary = parseGlossary(SAMPLE);

  it('gives a page its tags, then the glossary terms pointing to it', () => {
    expect(pageKeywords({ href: '/meetings/attendance/', tags: ['参会范围', '陪会'] }, glossary)).toEqual(['参会范围', '陪会']);
    expect(pageKeywords({ href: '/meetings/necessity/', tags: ['合并会议'] }, glossary)).toEqual(['合并会议', '以会议落实会议']);
    expect(pageKeywords({ href: '/guide/preface/' }, glossary)).toEqual([]);
  });

  it('strips characters Pagefind would read as attribute syntax', () => {
    expect(cleanKeyword(' 会议, 发文:调研 ')).toBe('会议发文调研');
  });

  it('lists tags, glossary terms and topic names once, longest first', () => {
    const vocabulary = searchVocabulary([{ href: '/a/', tags: ['陪会', '参会范围'] }, { href: '/b/', tags: ['陪会'] }], glossary);
    expect(vocabulary).toContain('工作群与政务应用');
    expect(vocabulary).toContain('以会议落实会议');
    expect(vocabulary.filter((w) => w === '陪会')).toHaveLength(1);
    expect(vocabulary[0].length).toBeGreaterThanOrEqual(vocabulary[vocabulary.length - 1].length);
  });
});
