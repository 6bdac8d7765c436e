/** The 会前准备 sheets: which checklists make up the sheet for a kind of work and a phase. */
import { PHASES, type Phase } from './checklist/model';
import type { ChecklistEntry } from './checklists';
import { topicOf } from './handbook';
import { TOPICS, type Topic } from './topics';

export interface Sheet {
  topic: Topic;
  /** undefined = every checklist of the topic. */
  phase?: Phase;
  href: string;
  title: string;
  lists: ChecklistEntry[];
}

export function sheetsFor(lists: readonly ChecklistEntry[]): Sheet[] {
  const sheets: Sheet[] = [];
  for (const topic of TOPICS) {
    const ofTopic = lists.filter((l) => topicOf(l.page)?.slug === topic.slug);
    if (!ofTopic.length) continue;
    sheets.push({ topic, href: `/prepare/${topic.slug}/`, title: `${topic.shortName}准备单（全部清单）`, lists: ofTopic });
    for (const phase of Object.keys(PHASES) as Phase[]) {
      const ofPhase = ofTopic.filter((l) => l.phase === phase);
      if (ofPhase.length) {
        sheets.push({ topic, phase, href: `/prepare/${topic.slug}/${phase}/`, title: `${topic.shortName}准备单（${PHASES[phase]}）`, lists: ofPhase });
      }
    }
  }
  return sheets;
}
