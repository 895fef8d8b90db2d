import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium (apt-get install chromium), which .ci/run installs; nothing is downloaded.
 * CHROMIUM=PATH names another build of it.
 */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Said in the name of every browser test when there is no Chromium to run them in. */
export const NO_CHROMIUM = `SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does)`;

/** A headless Chromium with a fresh profile and nothing that talks to the network by itself. */
export interface Browser {
  context: BrowserContext;
  /** Opens an HTML document (or another kind, by its file's extension) as a file, as a user opens a saved page. */
  open(text: string, extension?: string): Promise<Opened>;
  close(): Promise<void>;
}

export interface Opened {
  page: Page;
  /** Every request the page made other than for its own file: there should be none. */
  requests: string[];
  /** Uncaught errors in the page's script. */
  errors: string[];
  /** What the page's scripts said in dialogs (alert, confirm): there should be none. */
  dialogs: string[];
}

export async function launch(): Promise<Browser> {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-browser-'));
  const context = await chromium.launchPersistentContext(join(folder, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1000, height: 900 },
  });
  let pages = 0;
  return {
    context,
    async open(text, extension = 'html') {
      const file = join(folder, `page-${pages++}.${extension}`);
      writeFileSync(file, text);
      const url = pathToFileURL(file).href;
      const page = await context.newPage();
      const opened: Opened = { page, requests: [], errors: [], dialogs: [] };
      page.on('dialog', (dialog) => {
        opened.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request) => {
        if (request.url() !== url) opened.requests.push(request.url());
      });
      page.on('pageerror', (error) => opened.errors.push(error.message));
      await page.goto(url);
      return opened;
    },
    async close() {
      await context.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
