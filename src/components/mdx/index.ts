/** Components available in every chapter without an import line. */
export { default as Checklist } from './Checklist.astro';
export { default as Callout } from './Callout.astro';
// Policy citations (content/policies/): inline <Cite>, and the generated 依据 list.
export { default as Cite } from './Cite.astro';
export { default as Sources } from './Sources.astro';
// Training: 讲师提示 and 参考答案 render nothing here (the trainer edition swaps in its own
// components); exercises set out their material and a worksheet for paper.
export { default as TrainerNote } from './TrainerNote.astro';
export { default as Answer } from './Answer.astro';
export { default as Material } from './Material.astro';
export { default as Worksheet } from './Worksheet.astro';
// A local edition's notes (inserted by the Markdown plugin in an edition's build).
export { default as LocalNotes } from './LocalNotes.astro';
// Decision tools: each loads its own small script, only on pages that use it.
export { default as MeetingCost } from './MeetingCost.astro';
export { default as DocumentDecision } from './DocumentDecision.astro';
export { default as GroupAudit } from './GroupAudit.astro';
