/**
 * How this project starts Chromium, in one place (tests, PDFs, benchmark): Debian's
 * Chromium unless CHROMIUM_PATH says otherwise (config.ts; Playwright's own download does
 * not work on our machines), no sandbox when running as root, and no background traffic to
 * Google's hosts (this machine's network refuses it).
 */
import { getConfig } from '../lib/config.ts';

export const chromiumPath: string = getConfig().chromiumPath;

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export const chromiumArgs: string[] = [
  ...(asRoot ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
