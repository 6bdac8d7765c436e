/** The files a first search preloads, named by the search-index step (src/lib/search/first-files.ts). */
import { describe, expect, it } from 'vitest';
import { INDEX_PLACEHOLDER, firstFiles, indexAttribute } from '../../src/lib/search/first-files';

const BOTH = { 'zh-cn': { hash: 'zh-cn_e770a1187a696', wasm: null }, 'zh-cn-x-qingdan': { hash: 'zh-cn-x-qingdan_5f1e2d', wasm: null } };

describe('first files of a search', () => {
  it('are named from pagefind-entry.json, and preloaded under the addresses pagefind.js asks for', () => {
    const attribute = indexAttribute({ languages: { 'zh-cn': BOTH['zh-cn'] } });
    expect(attribute).toBe('zh-cn_e770a1187a696 unknown');
    expect(firstFiles(attribute)?.urls.pages).toEqual([
      '/pagefind/pagefind-entry.json?ts=zh-cn_e770a1187a696',
      '/pagefind/pagefind.zh-cn_e770a1187a696.pf_meta',
      '/pagefind/wasm.unknown.pagefind',
    ]);
    expect(firstFiles(attribute)?.cacheTag).toBe('zh-cn_e770a1187a696');
  });

  it('name each part’s pf_meta: a search of checklists preloads theirs, not the other part’s', () => {
    const attribute = indexAttribute({ languages: BOTH });
    expect(attribute).toBe('zh-cn_e770a1187a696 unknown checklists:zh-cn-x-qingdan_5f1e2d');
    const files = firstFiles(attribute)!;
    expect(files.urls.checklists).toEqual([
      '/pagefind/pagefind-entry.json?ts=zh-cn_e770a1187a696',
      '/pagefind/pagefind.zh-cn-x-qingdan_5f1e2d.pf_meta',
      '/pagefind/wasm.unknown.pagefind',
    ]);
    expect(files.urls.pages).toContain('/pagefind/pagefind.zh-cn_e770a1187a696.pf_meta');
    expect(files.urls.pages.join(' ')).not.toContain('qingdan');
  });

  it('carry the folder of the ready answers when the build wrote them, and only a hash', () => {
    const attribute = indexAttribute({ languages: BOTH }, 'cb26de9b1d4c');
    expect(attribute).toBe('zh-cn_e770a1187a696 unknown checklists:zh-cn-x-qingdan_5f1e2d ready:cb26de9b1d4c');
    expect(firstFiles(attribute)?.ready).toBe('cb26de9b1d4c');
    expect(firstFiles('zh-cn_1 unknown ready:../x')?.ready).toBeUndefined();
  });

  it('are not guessed: no index step, no pages part or a damaged attribute preload nothing of it', () => {
    expect(firstFiles(INDEX_PLACEHOLDER)).toBeUndefined();
    expect(firstFiles(undefined)).toBeUndefined();
    expect(firstFiles('zh-cn_1 ../../x')).toBeUndefined();
    expect(indexAttribute({ languages: { en: { hash: 'b' } } })).toBeUndefined();
    expect(firstFiles('zh-cn_1 unknown checklists:../../x')?.urls.checklists.join(' ')).not.toContain('..');
  });
});
