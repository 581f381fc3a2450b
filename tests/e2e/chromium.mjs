// What the browser tests share: Debian's Chromium driven by playwright-core, the screenshots folder,
// and how the app's debug summary and widget rectangles are read.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

// Headless Chromium with software WebGL, nothing fetched from outside.
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

// tests/e2e/out, for screenshots.
export function outDir() {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'out');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

// The app's JSON summary (App::debug_json, plus `room` in the browser).
export const debug = (page) => page.evaluate(() => window.kalanDebug());
// The centre of a widget rectangle [x0, y0, x1, y1].
export const centre = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
