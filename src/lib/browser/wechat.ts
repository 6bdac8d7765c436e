/**
 * The WeChat in-app browser (User-Agent contains `MicroMessenger`) opens most links fine but
 * does not save files: a download link does nothing, and PDFs may not open. Readers are told
 * to use 右上角“…” → “在浏览器打开”, the usual way out. Used by the site-wide script, which marks
 * WeChat as `<html data-hb-wechat>` for other scripts, and at build time (the PDF hint).
 */
export function inWeChat(userAgent: string = navigator.userAgent): boolean {
  return /MicroMessenger/i.test(userAgent);
}

export const WECHAT_OPEN_IN_BROWSER = '点右上角“…”，选“在浏览器打开”';
