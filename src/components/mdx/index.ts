/** Components available in every chapter without an import line. */
export { default as Checklist } from './Checklist.astro';
export { default as Callout } from './Callout.astro';
// Decision tools: each loads its own small script, only on pages that use it.
export { default as MeetingCost } from './MeetingCost.astro';
export { default as DocumentDecision } from './DocumentDecision.astro';
export { default as GroupAudit } from './GroupAudit.astro';
