/**
 * localStorage as far as this browser allows it, probed once per page.
 *   store         the Storage, or null where even reading it throws (storage disabled, private mode);
 *                 callers then keep things for this visit only.
 *   storeProblem  null when writes work; 'full' when the quota refuses writes but saved data is
 *                 there to read (show it, and say why changes are not kept); 'blocked' otherwise.
 */
function probe(): [Storage | null, 'full' | 'blocked' | null] {
  let s: Storage;
  try {
    s = window.localStorage;
    s.getItem('hb:probe');
  } catch {
    return [null, 'blocked'];
  }
  try {
    s.setItem('hb:probe', '1');
    s.removeItem('hb:probe');
    return [s, null];
  } catch (error) {
    // An empty storage that refuses writes is a private mode (old Safari), not a full one.
    return [s, /quota/i.test((error as Error).name) && s.length ? 'full' : 'blocked'];
  }
}

export const [store, storeProblem] = probe();
