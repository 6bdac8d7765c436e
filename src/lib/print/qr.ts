/**
 * QR codes for print: an inline SVG made at build time with `qrcode` (no image files, no
 * client JavaScript; vector, so it stays sharp on paper and small in the PDF).
 * Error correction M and the standard four-module quiet zone: reliable from a photocopy.
 */
import QRCode from 'qrcode';
import { getConfig } from '../config.ts';

const cache = new Map<string, Promise<string>>();

/** An accessible inline SVG QR code for `url`. `label` is what a screen reader announces. */
export function qrSvg(url: string, label = `二维码：${url}`): Promise<string> {
  const key = `${url}\u0000${label}`;
  let svg = cache.get(key);
  if (!svg) {
    svg = QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).then((raw) =>
      raw
        .trim()
        .replace(
          /^<svg\b/,
          `<svg class="hb-qr" role="img" aria-label="${label.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" focusable="false"`,
        ),
    );
    cache.set(key, svg);
  }
  return svg;
}

/** Absolute URL of a site path on the published site (config.ts), for QR codes and printed links. */
export function publicUrl(path: string, site: string = getConfig().site): string {
  return new URL(path, site).href;
}
