/**
 * Part of the search-index step: the ready answers (src/lib/search/ready.ts). Every term of
 * the /search/ page's vocabulary is searched with the page's own pipeline (runSearch, the
 * same ranking and excerpt length) over the index just written, through the site's own
 * pagefind.js in Node, and the first results are stored as the page renders them.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { RESULTS_PER_STEP, runSearch } from '../lib/search/engine.ts';
import { readyAnswer, readyUrl } from '../lib/search/ready.ts';
import { toSimplified } from '../lib/search/simplify.ts';
import { normalizeQuery, pagefindFilters } from '../lib/search/state.ts';
import { loadPagefindAsPage, releasePagefind } from './pagefind-node.ts';

/** The vocabulary as the page lists it (its order numbers the answers). */
export function pageVocabulary(html: string): string[] {
  return (/data-vocabulary="([^"]*)"/.exec(html)?.[1] ?? '').split(' ').filter(Boolean);
}

/** What writeReadyAnswers wrote: how many answers, and the folder's name (a hash of them). */
export interface ReadyAnswers {
  count: number;
  hash: string;
}

/**
 * Writes one answer per term of the vocabulary of `page` (the built /search/ page) under
 * `dist/pagefind/ready/<hash>/`, the hash taken from the answers themselves, so a changed
 * answer (new text, new ranking) is a new address that no cache holds. Pagefind's browser
 * script runs in a Node process of its own (this file as a command): inside the build it
 * would load through Vite's module runner and need stand-ins for `fetch` and `document`.
 */
export async function writeReadyAnswers(dist: string, page: string): Promise<ReadyAnswers> {
  const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url), dist, page]);
  const [count, hash] = stdout.trim().split(' ');
  return { count: Number(count), hash: hash ?? '' };
}

async function answerAll(dist: string, page: string): Promise<ReadyAnswers> {
  const terms = pageVocabulary(await readFile(page, 'utf8'));
  if (!terms.length) return { count: 0, hash: '' };
  const vocabulary = new Set(terms);
  const answers: string[] = [];
  const { pf } = await loadPagefindAsPage(dist);
  try {
    for (const term of terms) {
      const q = normalizeQuery(term);
      const outcome = await runSearch(pf, q, pagefindFilters({ q, topics: [], kind: '' }), vocabulary, { loadSimplifier: async () => toSimplified });
      answers.push(JSON.stringify(await readyAnswer(q, outcome, RESULTS_PER_STEP)));
    }
  } finally {
    releasePagefind();
  }
  const hash = createHash('sha256').update(answers.join('\n')).digest('hex').slice(0, 12);
  await rm(path.join(dist, 'pagefind', 'ready'), { recursive: true, force: true });
  await mkdir(path.join(dist, path.dirname(readyUrl(hash, 0))), { recursive: true });
  await Promise.all(answers.map((answer, n) => writeFile(path.join(dist, readyUrl(hash, n)), answer)));
  return { count: answers.length, hash };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dist, page] = process.argv.slice(2);
  answerAll(dist, page).then(
    ({ count, hash }) => process.stdout.write(`${count} ${hash}\n`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
