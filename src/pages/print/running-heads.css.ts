/**
 * /print/running-heads.css: the running head of each print document (the text the @page
 * rules in src/styles/print.css put at the top of every printed page). A stylesheet file,
 * not an inline <style>: the site's Content-Security-Policy allows styles from 'self' only.
 * Each print page names its PDF in <meta name="hb-pdf">; that picks its line here.
 */
import type { APIRoute } from 'astro';
import { TOPICS } from '../../lib/topics';
import { HANDBOOK_DOC, WORKSHEETS_DOC, handoutDoc, slidesDoc, trainerHandoutDoc } from '../../lib/print/files';
import { getConfig } from '../../lib/config';

const { identity } = getConfig();
const base = `${identity.title} · ${identity.edition}`;
const heads: [string, string][] = [
  [HANDBOOK_DOC.pdf, base],
  ...TOPICS.map((t): [string, string] => [handoutDoc(t).pdf, `${base} · ${t.name}培训讲义`]),
  ...TOPICS.map((t): [string, string] => [trainerHandoutDoc(t).pdf, `${base} · ${t.name}讲师版讲义（讲师用）`]),
  ...TOPICS.map((t): [string, string] => [slidesDoc(t).pdf, `${identity.title} · ${t.name}培训课件`]),
  [WORKSHEETS_DOC.pdf, `${base} · 清单工作表`],
];

export const GET: APIRoute = () =>
  new Response(
    heads.map(([pdf, head]) => `:root:has(meta[name="hb-pdf"][content=${JSON.stringify(pdf)}]) { --hb-running-head: ${JSON.stringify(head)}; }`).join('\n') + '\n',
    { headers: { 'Content-Type': 'text/css; charset=utf-8' } },
  );
