// The web map in a real browser: Debian's chromium driven by npm's playwright-core (both
// installed by scripts/test.sh). Writes the seed article's map and the examples' maps, loads
// every map.html from file:// and checks that the map renders (land-coloured pixels), that no
// request leaves the page and nothing logs an error, that there is a marker per event drawn,
// that a click and Enter open the event's popup, and that at 360 px the legend hides behind its
// button and the popup is a bottom sheet. Screenshots go into the output folder; the time until
// the page is interactive is printed. Exits 77 (skipped) only when Chromium cannot start.
//
// Usage: node web_map_test.mjs --mapwire BIN --data DIR --seed ARTICLE --examples DIR
//                              --out DIR --tools DIR [--chromium PATH]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const SKIP = 77;
// The time until the page is interactive is measured and printed for the record (the budget
// is 1 s), not asserted: speed belongs to benchmarks, and a loaded CI machine must not fail a
// test of behaviour.
const READY_BUDGET_MS = 1000;
const MAX_PAGE_BYTES = 3e6;  // the seed article's page
const MIN_LAND_SHARE = 0.05; // of the map's pixels in the land or focus colour

function options() {
  const o = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) o[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const k of ['mapwire', 'data', 'seed', 'examples', 'out', 'tools'])
    if (!o[k]) throw new Error(`missing --${k}`);
  for (const k of ['mapwire', 'data', 'seed', 'examples', 'out', 'tools']) o[k] = path.resolve(o[k]);
  o.chromium = o.chromium || process.env.MAPWIRE_CHROMIUM || '/usr/bin/chromium';
  return o;
}

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

// The maps: the seed article's and the examples' (series included), each with its map.html.
function writePages(o) {
  fs.rmSync(o.out, { recursive: true, force: true });
  fs.mkdirSync(o.out, { recursive: true });
  const pages = [];
  if (fs.existsSync(o.seed)) {
    const dir = path.join(o.out, 'seed');
    execFileSync(o.mapwire, ['--data', o.data, 'map', o.seed, '--date', '2025-04-09', '--out', dir,
      '--formats', 'png,html'], { stdio: ['ignore', 'pipe', 'inherit'] });
    pages.push({ name: 'seed', file: path.join(dir, 'map.html'), seed: true });
  } else {
    console.log(`note: no seed article at ${o.seed}; the examples only`);
  }
  const maps = path.join(o.out, 'examples');
  execFileSync(o.mapwire, ['--data', o.data, 'render', path.join(o.examples, 'maps.yaml'),
    '--output-dir', maps, '--jobs', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === 'map.html' ? [path.join(dir, e.name)] : []);
  for (const file of walk(maps).sort())
    pages.push({ name: path.relative(maps, path.dirname(file)).replaceAll(path.sep, '-'), file });
  return pages;
}

// A PNG screenshot's pixels (8-bit RGB or RGBA, not interlaced: what Chromium writes).
function decodePng(buf) {
  let at = 8, width = 0, height = 0, type = 0;
  const idat = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at), kind = buf.toString('ascii', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + len);
    if (kind === 'IHDR') { width = body.readUInt32BE(0); height = body.readUInt32BE(4); type = body[9]; }
    if (kind === 'IDAT') idat.push(body);
    at += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3, stride = width * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat)), px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[y * stride + x - bpp] : 0, b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? px[(y - 1) * stride + x - bpp] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      px[y * stride + x] = (row[x] + pred) & 255;
    }
  }
  return { width, height, bpp, px };
}

// The share of pixels within a few levels of one of the colours ("#rrggbb").
function colourShare(img, colours) {
  const rgb = colours.filter((c) => /^#[0-9a-f]{6}$/.test(c))
    .map((c) => [1, 3, 5].map((i) => parseInt(c.substr(i, 2), 16)));
  let hits = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const o = i * img.bpp;
    if (rgb.some((c) => Math.abs(img.px[o] - c[0]) + Math.abs(img.px[o + 1] - c[1]) + Math.abs(img.px[o + 2] - c[2]) < 12)) hits++;
  }
  return hits / n;
}

async function openPage(browser, file, viewport) {
  const context = await browser.newContext({ viewport });
  const url = pathToFileURL(file).href;
  const requests = [], errors = [];
  // Anything but the page itself is a request leaving the page: refused and counted.
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.mapwire !== undefined, null, { timeout: 10000 });
  return { context, page, requests, errors };
}

// Milliseconds from navigation to the end of the page's script (markers, popups and legend
// live). Over the limit, the page is loaded once more and the faster load counts: the first
// load of a busy machine pays for its caches. Both are printed.
async function readyTime(browser, p, page) {
  const first = await page.evaluate(() => window.mapwire.ready);
  if (first < READY_BUDGET_MS) return { ready: first, note: '' };
  const again = await openPage(browser, p.file, { width: 1280, height: 900 });
  const second = await again.page.evaluate(() => window.mapwire.ready);
  await again.context.close();
  return { ready: Math.min(first, second), note: ` (first load ${first.toFixed(0)} ms)` };
}

async function desktop(browser, p, o) {
  const { context, page, requests, errors } = await openPage(browser, p.file, { width: 1280, height: 900 });
  const { ready, note } = await readyTime(browser, p, page);
  console.log(`${p.name}: interactive after ${ready.toFixed(0)} ms${note}, ${(fs.statSync(p.file).size / 1e6).toFixed(2)} MB`);
  if (ready >= READY_BUDGET_MS) console.log(`${p.name}: over the ${READY_BUDGET_MS} ms budget`);
  if (p.seed) check(fs.statSync(p.file).size < MAX_PAGE_BYTES, `${p.name}: page under 3 MB`);
  const scene = await page.evaluate(() => JSON.parse(document.getElementById('mw-data').textContent).scene);
  const markers = await page.locator('.mw-marker').count();
  check(markers === scene.marks.length, `${p.name}: ${markers} markers for ${scene.marks.length} events drawn`);
  if (p.seed) check(markers > 0, `${p.name}: the seed article's events are on the map`);
  check(await page.locator('#mw-legend').isVisible(), `${p.name}: legend shown on a wide screen`);
  check(await page.locator('#mw-legend-entries li').count() === scene.legend.length, `${p.name}: every legend entry`);
  const shot = await page.locator('#mw-map').screenshot();
  const share = colourShare(decodePng(shot), [scene.style.land, scene.style.focus]);
  check(share > MIN_LAND_SHARE, `${p.name}: land drawn (${(100 * share).toFixed(1)}% of the map's pixels)`);
  if (markers > 0) {
    await page.locator('.mw-marker').first().click();
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor({ timeout: 3000 });
    const text = await popup.innerText();
    const first = scene.marks[0];
    check(text.includes(first.name) && text.includes(first.details.at(-1)[1]),
      `${p.name}: a click opens the event's popup ("${first.name}")`);
    const last = markers - 1;
    await page.keyboard.press('Escape');
    await page.locator('.mw-marker').nth(last).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.querySelector('.leaflet-popup-content')?.innerText.includes(t),
      scene.marks[last].name, { timeout: 3000 });
    check(true, `${p.name}: focus and Enter open the popup ("${scene.marks[last].name}")`);
  }
  // The popup pans the map into view: the screenshot waits for the pan to end (0.6 s at most).
  // Nothing is resolved with: Playwright would copy a Leaflet event, map and all, back to node.
  await page.evaluate(() => new Promise((done) => {
    const map = window.mapwire.map;
    if (!(map._panAnim && map._panAnim._inProgress)) return done();
    map.once('moveend', () => done());
    setTimeout(() => done(), 600);
  }));
  await page.screenshot({ path: path.join(o.out, `${p.name}-desktop.png`), fullPage: true });
  check(requests.length === 0, `${p.name}: no network request${requests.length ? ': ' + requests.join(', ') : ''}`);
  check(errors.length === 0, `${p.name}: no console error${errors.length ? ': ' + errors.join('; ') : ''}`);
  await context.close();
  return markers;
}

async function phone(browser, p, o) {
  const { context, page, requests, errors } = await openPage(browser, p.file, { width: 360, height: 740 });
  check(!(await page.locator('#mw-legend').isVisible()) && (await page.locator('#mw-legend-button').isVisible()),
    `${p.name} at 360 px: the legend waits behind its button`);
  await page.locator('#mw-legend-button').click();
  check(await page.locator('#mw-legend').isVisible(), `${p.name} at 360 px: the button opens the legend`);
  await page.locator('#mw-legend-button').click();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 360, `${p.name} at 360 px: no sideways scrolling (${width} px)`);
  if (await page.locator('.mw-marker').count() > 0) {
    await page.locator('.mw-marker').first().click();
    await page.locator('#mw-sheet').waitFor({ state: 'visible', timeout: 3000 });
    const box = await page.locator('#mw-sheet').boundingBox();
    check(box && Math.abs(box.y + box.height - 740) < 2 && box.width >= 359,
      `${p.name} at 360 px: the popup is a bottom sheet`);
  }
  await page.screenshot({ path: path.join(o.out, `${p.name}-phone.png`) });
  check(requests.length === 0 && errors.length === 0, `${p.name} at 360 px: no request, no error`);
  await context.close();
}

async function main() {
  const o = options();
  let chromium;
  try {
    chromium = createRequire(path.resolve(o.tools, 'package.json'))('playwright-core').chromium;
  } catch (e) {
    // Not a reason to skip: the test script installs it.
    console.log(`FAIL playwright-core is not installed in ${o.tools}: run scripts/test.sh, which installs it`);
    return 1;
  }
  let browser;
  try {
    // As root in a container: no sandbox, and /dev/shm may be small.
    browser = await chromium.launch({ executablePath: o.chromium,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  } catch (e) {
    console.log(`SKIPPED: Chromium cannot start (${o.chromium}): ${e.message.split('\n')[0]}`);
    return SKIP;
  }
  const t0 = Date.now();
  const pages = writePages(o);
  console.log(`${pages.length} pages written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  check(pages.length > 0, 'pages to test');
  for (const p of pages) {
    await desktop(browser, p, o);
    await phone(browser, p, o);
  }
  await browser.close();
  console.log(`${pages.length} pages tested in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${o.out}`);
  if (failures.length) console.log(`${failures.length} failed:\n  ${failures.join('\n  ')}`);
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => { console.log(e.stack || String(e)); process.exit(1); });
