/** The files a first search preloads, named by the search-index step (src/lib/search/first-files.ts). */
import { describe, expect, it } from 'vitest';
import { INDEX_PLACEHOLDER, firstFiles, indexAttribute } from '../../src/lib/search/first-files';

describe('first files of a search', () => {
  it('are named from pagefind-entry.json, and preloaded under the addresses pagefind.js asks for', () => {
    const attribute = indexAttribute({ languages: { 'zh-cn': { hash: 'zh-cn_e770a1187a696', wasm: null } } });
    expect(attribute).toBe('zh-cn_e770a1187a696 unknown');
    expect(firstFiles(attribute)).toEqual({
      cacheTag: 'zh-cn_e770a1187a696',
      urls: ['/pagefind/pagefind-entry.json?ts=zh-cn_e770a1187a696', '/pagefind/pagefind.zh-cn_e770a1187a696.pf_meta', '/pagefind/wasm.unknown.pagefind'],
    });
  });

  it('carry the folder of the ready answers when the build wrote them, and only a hash', () => {
    const attribute = indexAttribute({ languages: { 'zh-cn': { hash: 'zh-cn_e770a1187a696', wasm: null } } }, 'cb26de9b1d4c');
    expect(attribute).toBe('zh-cn_e770a1187a696 unknown cb26de9b1d4c');
    expect(firstFiles(attribute)?.ready).toBe('cb26de9b1d4c');
    expect(firstFiles('zh-cn_1 unknown ../x')?.ready).toBeUndefined();
  });

  it('are not guessed: no index step, several languages or a damaged attribute preload nothing', () => {
    expect(firstFiles(INDEX_PLACEHOLDER)).toBeUndefined();
    expect(firstFiles(undefined)).toBeUndefined();
    expect(firstFiles('zh-cn_1 ../../x')).toBeUndefined();
    expect(indexAttribute({ languages: { 'zh-cn': { hash: 'a' }, en: { hash: 'b' } } })).toBeUndefined();
  });
});
