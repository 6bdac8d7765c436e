/**
 * "/" focuses the search box on every page (the header box, or the search page's own),
 * unless the reader is typing in a field. Tiny on purpose: it ships on every page.
 */
addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
  const box = document.querySelector<HTMLInputElement>('#hb-search-q, #hb-header-q');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});
