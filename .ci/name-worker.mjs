// Trunk post-build step (.ci/post-build.mjs): the spreadsheet reader's web worker (index.html's worker link,
// src/bin/sheet_reader.rs). Trunk names a worker's files by its binary alone and leaves them as wasm-bindgen
// wrote them (`data-wasm-opt="0"`), so this step, in release builds, optimises the module with `wasm-opt -Oz`
// and minifies the glue; renames the module, the glue and the loader the worker starts from with a hash of
// their content, as every other file the app fetches is named (hosts may keep .js and .wasm files for a year),
// rewriting the names that refer to them; tells the page the loader's name in index.html
// (`<meta name="pmf-sheet-reader">`, read by src/ui/browser/sheet_worker.rs); and lists the three in the
// service worker's list of files kept for offline use, ahead of the on-demand modules .ci/split-wasm.mjs adds
// next.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const BIN = 'sheet_reader';
const LOADER = `${BIN}_loader.js`;
const WORKER_MARKER = '/* __ON_DEMAND_FILES__ */';

const path = (file) => join(staging, file);
const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const replaceRequired = (text, from, to, where) => {
  if (!text.includes(from)) {
    throw new Error(`name-worker: ${where} does not mention ${from}`);
  }
  return text.replaceAll(from, to);
};

const wasm = `${BIN}_bg.wasm`;
if (release) {
  execFileSync('wasm-opt', ['-Oz', path(wasm), '-o', path(wasm)], { stdio: 'inherit' });
}
const wasmNamed = `sheet-reader-${hashOf(readFileSync(path(wasm)))}.wasm`;
renameSync(path(wasm), path(wasmNamed));

const glue = `${BIN}.js`;
let glueSource = replaceRequired(readFileSync(path(glue), 'utf8'), wasm, wasmNamed, glue);
if (release) {
  glueSource = transformSync(glueSource, { minify: true, format: 'esm' }).code;
}
const glueNamed = `sheet-reader-${hashOf(glueSource)}.js`;
writeFileSync(path(glueNamed), glueSource);
rmSync(path(glue));

const loaderSource = replaceRequired(readFileSync(path(LOADER), 'utf8'), `./${glue}`, `./${glueNamed}`, LOADER);
const loaderNamed = `sheet-reader-loader-${hashOf(loaderSource)}.js`;
writeFileSync(path(loaderNamed), loaderSource);
rmSync(path(LOADER));

const page = path('index.html');
const meta = `<meta name="pmf-sheet-reader" content="${loaderNamed}">`;
writeFileSync(page, replaceRequired(readFileSync(page, 'utf8'), '</head>', `${meta}\n</head>`, 'index.html'));

const serviceWorker = path('service-worker.js');
const listed = [loaderNamed, glueNamed, wasmNamed].map((f) => JSON.stringify(f)).join(', ');
writeFileSync(
  serviceWorker,
  replaceRequired(readFileSync(serviceWorker, 'utf8'), WORKER_MARKER, `${listed}, ${WORKER_MARKER}`, 'service-worker.js'),
);
console.log(`name-worker: ${wasmNamed} (${(readFileSync(path(wasmNamed)).length / 1024).toFixed(1)} KB), ${glueNamed}`);
