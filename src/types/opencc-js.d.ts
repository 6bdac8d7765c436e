// opencc-js ships types for its presets, not for its per-locale dictionary groups, which
// the search imports alone to stay small (src/lib/search/simplify.ts).
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';
  const groups: readonly DictGroup[];
  export default groups;
}
