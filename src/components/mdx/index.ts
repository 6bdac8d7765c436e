/** Components available in every chapter without an import line. */
export { default as Checklist } from './Checklist.astro';
export { default as Callout } from './Callout.astro';
