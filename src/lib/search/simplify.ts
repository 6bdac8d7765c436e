/**
 * Traditional → simplified Chinese for search queries: readers paste text from many sources
 * (會議, 發文, 陪會) and the handbook is written in simplified characters. OpenCC's `t2s`
 * conversion (opencc-js, its phrase table and character table only: ~38 KB of the package's
 * 1 MB), phrase-aware so that 乾部 and 幹部 both become 干部 without breaking 乾燥 → 干燥.
 *
 * The /search/ page imports this module dynamically (a chunk of its own), and only for a
 * query that finds nothing or has a word the handbook lacks (see runSearch in ./engine.ts);
 * NFKC in normalizeQuery already folds compatibility ideographs, so OpenCC's table for those
 * is not needed.
 */
import { ConverterFactory } from 'opencc-js/core';
import traditionalToSimplified from 'opencc-js/to/cn';
import type { Simplifier } from './engine';

export const toSimplified: Simplifier = ConverterFactory(...traditionalToSimplified);
