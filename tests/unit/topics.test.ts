import { describe, expect, it } from 'vitest';
import { TOPICS, getTopic } from '../../src/lib/topics';

describe('topics', () => {
  it('are the seven topics of the handbook, in reading order', () => {
    expect(TOPICS.map((t) => t.name)).toEqual(['会议', '发文', '调研', '督查检查', '考核', '工作群与政务应用', '基层权责']);
  });
  it('have unique URL-safe slugs and a summary each', () => {
    const slugs = TOPICS.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(TOPICS.length);
    for (const t of TOPICS) {
      expect(t.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(t.summary.length).toBeGreaterThan(10);
    }
  });
  it('look up by slug', () => {
    expect(getTopic('chat-groups')?.shortName).toBe('工作群');
    expect(getTopic('nope')).toBeUndefined();
  });
});
