// Lighthouse on pages of the release build, served compressed on 127.0.0.1 as a production host would (the
// build's brotli copies, or with --gzip its gzip ones, as a host that does not serve brotli would), in
// Debian's Chromium with a fresh profile (so the demo council loads as on a first visit): the desktop preset,
// and with --mobile Lighthouse's default mobile profile (slow 4G, 4× CPU slowdown: a councillor's tablet or a
// resident's phone). Prints the performance, accessibility and best-practice scores, the load metrics beside
// the value Lighthouse scores as good on that profile (the ratio is the figure to watch), the bytes
// transferred, and every audit that failed.
// A benchmark: it prints, it asserts nothing. Lighthouse runs through npx, outside the lockfile (one of its
// dependencies asks for `latest`, which `npm ci` refuses); the first run downloads it.
//
// Run after `trunk build --release`:  node benches/lighthouse.mjs [--mobile] [--gzip] [paths…]   (default: /scorecards)
// PMF_DIST=<folder> measures another build (an earlier commit's, say) instead of dist/.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { serveStatic } from '../tests/e2e/support/server.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/e2e/support/browser.mjs';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const OUT = 'target/lighthouse';
/** Lighthouse 12's control points for each profile: a metric at this value scores 0.9. */
const GOOD_ON = {
  desktop: {
    'first-contentful-paint': 934,
    'largest-contentful-paint': 1200,
    'total-blocking-time': 150,
    'cumulative-layout-shift': 0.1,
    'speed-index': 1311,
  },
  mobile: {
    'first-contentful-paint': 1800,
    'largest-contentful-paint': 2500,
    'total-blocking-time': 200,
    'cumulative-layout-shift': 0.1,
    'speed-index': 3387,
  },
};

/** Runs `command` with its output on this terminal; rejects unless it exits 0. */
function run(command, args, env) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} exited with ${code}`))));
  });
}

const mobile = process.argv.includes('--mobile');
const profile = mobile ? 'mobile' : 'desktop';
const GOOD = GOOD_ON[profile];
const encodings = process.argv.includes('--gzip') ? ['gzip'] : ['br', 'gzip'];
const paths = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
mkdirSync(OUT, { recursive: true });
const server = await serveStatic(process.env.PMF_DIST ?? 'dist', { encodings });
try {
  for (const path of paths.length > 0 ? paths : ['/scorecards']) {
    const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'overview';
    const report = `${OUT}/${name}-${profile}.json`;
    // Asynchronously: this process serves the pages Lighthouse loads.
    await run(
      'npx',
      [
        '--yes',
        LIGHTHOUSE,
        `${server.origin}${path}`,
        // Lighthouse's default is the mobile profile; the desktop one is a preset.
        ...(mobile ? [] : ['--preset=desktop']),
        '--only-categories=performance,accessibility,best-practices',
        '--output=json',
        `--output-path=${report}`,
        '--quiet',
        `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
      ],
      { ...process.env, CHROME_PATH: CHROMIUM_PATH },
    );
    const result = JSON.parse(readFileSync(report, 'utf8'));
    console.log(`\n${path}, ${profile}, ${encodings[0]}  (full report: ${report})`);
    for (const category of Object.values(result.categories)) {
      console.log(`  ${category.title.padEnd(16)} ${Math.round(category.score * 100)}`);
    }
    for (const [id, good] of Object.entries(GOOD)) {
      const audit = result.audits[id];
      const ratio = audit.numericValue / good;
      console.log(
        `  ${audit.title.padEnd(26)} ${audit.displayValue.padStart(8)}   ${ratio.toFixed(2)}× the "good" value`,
      );
    }
    const weight = result.audits['total-byte-weight'];
    console.log(`  ${'Bytes transferred'.padEnd(26)} ${(weight.numericValue / 1024).toFixed(0).padStart(5)} KB`);
    const failed = Object.values(result.audits).filter(
      (audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative',
    );
    for (const audit of failed) {
      console.log(`  below 0.9: ${audit.id} (${audit.title})${audit.displayValue ? ` ${audit.displayValue}` : ''}`);
    }
  }
} finally {
  await server.close();
}
