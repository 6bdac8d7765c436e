import type { APIRoute } from 'astro';

/** robots.txt pointing crawlers at the sitemap, on whatever site URL the build is for. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
