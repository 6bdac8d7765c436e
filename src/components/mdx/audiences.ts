/**
 * One source, two audiences (as Quarto profiles do it): the same MDX renders for readers
 * and participants with `readerComponents`, where 讲师提示 and 参考答案 render nothing, and
 * for the trainer edition with `trainerComponents`, where they print as boxes. Every page
 * that renders content picks one of these maps; nothing else decides what a reader sees.
 */
import * as reader from './index';
import TrainerNoteBox from '../print/TrainerNoteBox.astro';
import AnswerBox from '../print/AnswerBox.astro';

export type Audience = 'reader' | 'trainer';

export const readerComponents = { ...reader };
export const trainerComponents = { ...reader, TrainerNote: TrainerNoteBox, Answer: AnswerBox };

export function componentsFor(audience: Audience) {
  return audience === 'trainer' ? trainerComponents : readerComponents;
}
