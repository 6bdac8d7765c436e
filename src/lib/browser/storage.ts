/**
 * localStorage, or null where the browser refuses it (private mode, disabled storage).
 * Probed once per page; callers treat null as "keep things for this visit only".
 */
export const store: Storage | null = (() => {
  try {
    const s = window.localStorage;
    s.setItem('hb:probe', '1');
    s.removeItem('hb:probe');
    return s;
  } catch {
    return null;
  }
})();
