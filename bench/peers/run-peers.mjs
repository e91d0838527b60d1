// The browser half of the side-by-side runner (see ../run-peers.sh). In Debian's headless Chromium it times
// @chenglou/pretext 1.0.0 (prepare after clearCache, prepare again, layout) and DOM measurement (write all
// widths then read all heights; write and read one element at a time) on the batch that Foretext.Bench emits,
// then runs Foretext's own timings (`Foretext.Bench side-by-side`), prints Foretext/peer ratios and writes
// everything, with a description of the machine, to bench/results/.
//
// usage: node run-peers.mjs BATCH.json FORETEXT_BENCH.dll RESULTS_DIR

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [batchPath, benchDll, resultsDir] = process.argv.slice(2);
if (!batchPath || !benchDll || !resultsDir) {
  console.error('usage: node run-peers.mjs BATCH.json FORETEXT_BENCH.dll RESULTS_DIR');
  process.exit(2);
}

const batch = JSON.parse(readFileSync(batchPath, 'utf8'));
const pretextDist = join(here, 'node_modules', '@chenglou', 'pretext', 'dist');
const pretextVersion = JSON.parse(readFileSync(join(here, 'node_modules', '@chenglou', 'pretext', 'package.json'), 'utf8')).version;
const ORIGIN = 'http://bench.invalid';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const chromiumVersion = browser.version();
const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });

// Everything is served from memory and disk: nothing leaves the machine. The COOP/COEP headers do not make
// this http page cross-origin isolated (it is not a secure context; the results record crossOriginIsolated),
// so performance.now() ticks in 100 us steps: every timed sample repeats its work to last 1 ms or more.
await page.route(`${ORIGIN}/**`, async (route) => {
  const path = new URL(route.request().url()).pathname;
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  if (path === '/' || path === '/index.html') {
    return route.fulfill({ status: 200, contentType: 'text/html', headers, body: '<!doctype html><meta charset="utf-8"><body style="margin:0"></body>' });
  }
  if (path.startsWith('/pretext/')) {
    const file = join(pretextDist, path.slice('/pretext/'.length));
    try {
      return route.fulfill({ status: 200, contentType: 'text/javascript', headers, body: readFileSync(file) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  }
  return route.fulfill({ status: 404, body: 'not found' });
});
await page.goto(`${ORIGIN}/index.html`);

console.error('peers: timing Pretext and the DOM in Chromium', chromiumVersion);
const peer = await page.evaluate(async (batch) => {
  const pretext = await import('/pretext/layout.js');
  const { font, lineHeight, widths, texts } = batch;

  function median(reps, fn, inner = 1) {
    for (let i = 0; i < 3; i++) fn();
    const samples = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      for (let i = 0; i < inner; i++) fn();
      samples.push((performance.now() - t0) / inner);
    }
    samples.sort((a, b) => a - b);
    return samples[reps >> 1];
  }

  const out = { crossOriginIsolated: self.crossOriginIsolated, batch: {}, corpora: [] };
  const prepared = texts.map((t) => pretext.prepare(t, font));
  out.batch.prepareColdMs = median(15, () => { pretext.clearCache(); for (const t of texts) pretext.prepare(t, font); });
  out.batch.prepareWarmMs = median(15, () => { for (const t of texts) pretext.prepare(t, font); });
  let lines = 0;
  out.batch.layoutMs = median(31, () => {
    lines = 0;
    for (const p of prepared) for (const w of widths) lines += pretext.layout(p, w, lineHeight).lineCount;
  }, 20) / widths.length;
  out.batch.lineCountTotal = lines;

  // DOM: one div per text, as a page would hold them.
  const host = document.createElement('div');
  document.body.appendChild(host);
  const divs = texts.map((t) => {
    const d = document.createElement('div');
    d.style.cssText = `font: ${font}; line-height: ${lineHeight}px; white-space: normal; word-break: normal; overflow-wrap: break-word; margin: 0; padding: 0; width: ${widths[0]}px`;
    d.textContent = t;
    host.appendChild(d);
    return d;
  });
  await document.fonts.ready;
  host.offsetHeight;
  // Each pass moves every element to the next width, so each read forces real layout work.
  let widthIndex = 0;
  let domLines = 0;
  out.batch.domBatchedMs = median(15, () => {
    const w = widths[widthIndex++ % widths.length] + 'px';
    for (const d of divs) d.style.width = w;
    let h = 0;
    for (const d of divs) h += d.offsetHeight;
    domLines = h / lineHeight;
  }, widths.length);
  out.batch.domInterleavedMs = median(7, () => {
    const w = widths[widthIndex++ % widths.length] + 'px';
    for (const d of divs) { d.style.width = w; d.offsetHeight; }
  }, widths.length);
  let total = 0;
  for (const w of widths) {
    for (const d of divs) d.style.width = w + 'px';
    for (const d of divs) total += Math.round(d.offsetHeight / lineHeight);
  }
  out.batch.domLineCountTotal = total;
  host.remove();

  for (const c of batch.corpora) {
    const p = pretext.prepare(c.text, c.font);
    const r = {
      id: c.id,
      prepareColdMs: median(3, () => { pretext.clearCache(); pretext.prepare(c.text, c.font); }),
      prepareWarmMs: median(3, () => pretext.prepare(c.text, c.font)),
    };
    for (const w of [300, 600, 800]) r[`layout${w}Ms`] = median(15, () => pretext.layout(p, w, c.lineHeight), 5);
    out.corpora.push(r);
  }
  return out;
}, batch);

// Pretext's clearCache empties its own segment cache, but every measureText then hits Blink's word shape cache,
// which the repetitions before it filled: that "cold" prepare shapes nothing. Foretext's cold prepare shapes every
// word. A cold prepare that shapes, as Foretext's does, needs a document whose fonts hold no shaped words: each
// sample below loads a fresh document (new font fallback lists, so empty word caches; the process keeps its loaded
// font files, as Foretext's engine keeps its faces), warms Pretext's code and the font files on the same texts at
// another size (its own word caches), then times one prepare of the batch at the batch font.
const otherSize = batch.font.replace(/^(\d+)px/, (_, px) => `${Number(px) + 1}px`);
const freshSamples = [];
for (let r = 0; r < 9; r++) {
  await page.goto(`${ORIGIN}/index.html?fresh=${r}`);
  freshSamples.push(await page.evaluate(async ({ texts, font, otherSize }) => {
    const pretext = await import('/pretext/layout.js');
    for (let i = 0; i < 3; i++) { pretext.clearCache(); for (const t of texts) pretext.prepare(t, otherSize); }
    pretext.clearCache();
    const t0 = performance.now();
    for (const t of texts) pretext.prepare(t, font);
    return performance.now() - t0;
  }, { texts: batch.texts, font: batch.font, otherSize }));
}
freshSamples.sort((a, b) => a - b);
peer.batch.prepareColdFreshDocumentMs = freshSamples[freshSamples.length >> 1];
peer.batch.prepareColdFreshDocumentSamplesMs = freshSamples;
await browser.close();

console.error('peers: timing Foretext (side-by-side mode)');
const foretextJson = join(tmpdir(), `foretext-side-by-side-${process.pid}.json`);
execFileSync('dotnet', [benchDll, 'side-by-side', foretextJson], { stdio: ['ignore', 'inherit', 'inherit'] });
const foretext = JSON.parse(readFileSync(foretextJson, 'utf8'));

const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [, 'unknown'])[1];
const osName = (readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?$/m) ?? [, 'unknown'])[1];
const dotnetSdk = execFileSync('dotnet', ['--version'], { encoding: 'utf8' }).trim();
const machine = {
  nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
  cpuModel,
  logicalCpus: cpus().length,
  os: osName,
  dotnetSdk,
  dotnetRuntime: foretext.runtime,
  chromium: chromiumVersion,
  node: process.version,
  pretext: pretextVersion,
  date: new Date().toISOString(),
  note: 'Shared machine: other engineers ran builds and Chromium recordings on the same cores; medians of repetitions.',
};

const ratio = (a, b) => Number((a / b).toPrecision(3));
const fb = foretext.batch, pb = peer.batch;
const gatsbyF = foretext.corpora.find((c) => c.id === 'en-gatsby-opening');
const gatsbyP = peer.corpora.find((c) => c.id === 'en-gatsby-opening');
const ratios = {
  'layout: Foretext / Pretext': ratio(fb.layoutMs, pb.layoutMs),
  'layout: Foretext / floor loop': ratio(fb.layoutMs, fb.floorMs),
  'layout: Foretext / DOM batched': ratio(fb.layoutMs, pb.domBatchedMs),
  'layout: Foretext / DOM interleaved': ratio(fb.layoutMs, pb.domInterleavedMs),
  'prepare cold: Foretext / Pretext (fresh document: Blink shapes every word)': ratio(fb.prepareColdMs, pb.prepareColdFreshDocumentMs),
  'prepare cold: Foretext / Pretext (clearCache only: Blink word caches warm)': ratio(fb.prepareColdMs, pb.prepareColdMs),
  'prepare warm: Foretext / Pretext': ratio(fb.prepareWarmMs, pb.prepareWarmMs),
  'prepare: Foretext warm / Foretext cold': ratio(fb.prepareWarmMs, fb.prepareColdMs),
  'Gatsby prepare cold: Foretext / Pretext': ratio(gatsbyF.prepareColdMs, gatsbyP.prepareColdMs),
  'Gatsby layout 600px: Foretext / Pretext': ratio(gatsbyF.layout600Ms, gatsbyP.layout600Ms),
};

const result = { machine, batchTexts: batch.texts.length, font: batch.font, widths: batch.widths, lineHeight: batch.lineHeight, ratios, foretext, peer };
mkdirSync(resultsDir, { recursive: true });
const outFile = join(resultsDir, `side-by-side-${machine.date.slice(0, 10)}.json`);
writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');

const fmt = (x) => (x >= 1 ? x.toFixed(2) : x.toPrecision(3));
console.log(`\nmachine: ${machine.nproc} cores (${cpuModel}), ${osName}, .NET ${dotnetSdk}, Chromium ${chromiumVersion}, shared`);
console.log(`batch: ${batch.texts.length} texts, widths ${batch.widths.join('/')} px; layout figures per 500 texts at one width`);
console.log(`line counts: Foretext ${fb.lineCountTotal}, Pretext ${pb.lineCountTotal}, DOM ${pb.domLineCountTotal}`);
console.log(`                      Foretext ms    peer ms`);
console.log(`layout (Pretext)      ${fmt(fb.layoutMs).padStart(11)} ${fmt(pb.layoutMs).padStart(10)}`);
console.log(`layout (DOM batched)  ${fmt(fb.layoutMs).padStart(11)} ${fmt(pb.domBatchedMs).padStart(10)}`);
console.log(`layout (DOM interl.)  ${fmt(fb.layoutMs).padStart(11)} ${fmt(pb.domInterleavedMs).padStart(10)}`);
console.log(`prepare cold (fresh)  ${fmt(fb.prepareColdMs).padStart(11)} ${fmt(pb.prepareColdFreshDocumentMs).padStart(10)}`);
console.log(`prepare cold (clear)  ${fmt(fb.prepareColdMs).padStart(11)} ${fmt(pb.prepareColdMs).padStart(10)}`);
console.log(`prepare warm          ${fmt(fb.prepareWarmMs).padStart(11)} ${fmt(pb.prepareWarmMs).padStart(10)}`);
console.log(`Gatsby prepare cold   ${fmt(gatsbyF.prepareColdMs).padStart(11)} ${fmt(gatsbyP.prepareColdMs).padStart(10)}`);
console.log(`Gatsby layout 600px   ${fmt(gatsbyF.layout600Ms).padStart(11)} ${fmt(gatsbyP.layout600Ms).padStart(10)}`);
console.log('\nratios (Foretext / peer; below 1 means Foretext is faster):');
for (const [k, v] of Object.entries(ratios)) console.log(`  ${k.padEnd(76)} ${v}`);
console.log(`\nGatsby prepared memory: ${gatsbyF.preparedRetainedBytes} bytes retained = ${gatsbyF.preparedMemoryRatio.toFixed(2)}x its UTF-16 size`);
console.log(`written: ${outFile.slice(outFile.indexOf('bench/results'))}`);
