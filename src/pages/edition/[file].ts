/**
 * /edition/<logo>: a local edition's logo (edition.yaml `logo`), copied from the edition's
 * folder into the build, so the header and covers can show it. Nothing in a national build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getConfig } from '../../lib/config';

export const getStaticPaths: GetStaticPaths = () => {
  const file = getConfig().edition?.logoFile;
  return file ? [{ params: { file: path.basename(file) } }] : [];
};

export const GET: APIRoute = () => {
  const file = getConfig().edition!.logoFile!;
  const type = file.endsWith('.svg') ? 'image/svg+xml' : 'image/png';
  return new Response(readFileSync(file), { headers: { 'Content-Type': type } });
};
