/**
 * `npm run screenshot`: docs/page.png, the README's picture of the page that
 * `backprop apple=100x2 orange=150x3 tax=1.1 --format html` writes, taken in headless Chromium
 * with the tax row pointed at, so that its chain-rule lines show.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hasChromium, launch, NO_CHROMIUM } from '../test/browser.js';

const BIN = fileURLToPath(new URL('../bin/backprop.js', import.meta.url));
const PNG = fileURLToPath(new URL('../docs/page.png', import.meta.url));

if (!hasChromium) {
  console.error(`screenshot ${NO_CHROMIUM}`);
  process.exit(1);
}
const run = spawnSync(BIN, ['apple=100x2', 'orange=150x3', 'tax=1.1', '--format', 'html'], { encoding: 'utf8' });
if (run.status !== 0) throw new Error(run.stderr);
const browser = await launch();
try {
  const { page, requests, errors } = await browser.open(run.stdout);
  await page.focus('input[type="range"][data-input="tax"]');
  await page.locator('main').screenshot({ path: PNG });
  if (requests.length > 0 || errors.length > 0) throw new Error(`the page asked for ${requests.join(', ')} or failed: ${errors.join('; ')}`);
  console.log(`wrote ${PNG}`);
} finally {
  await browser.close();
}
