import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..');
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Playwright's own Chromium when it is installed (`npx playwright install chromium`), else the system's (Debian `chromium`). */
export function chromiumPath(): string {
  const own = (() => {
    try {
      return chromium.executablePath();
    } catch {
      return '';
    }
  })();
  const found = [own, ...SYSTEM_CHROMIUM].find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium: install Debian `chromium` (apt-get install -y chromium) or run `npx playwright install chromium`.');
  return found;
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** Builds web/dist when missing or stale, as `npm start` does (the app serves it when created). */
export function ensureWebBuild(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-web-build.mjs'), '--strict'], { cwd: ROOT, stdio: 'inherit' });
}
