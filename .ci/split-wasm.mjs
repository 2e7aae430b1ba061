// Trunk post-build hook: splits the app into the module the first page needs and the modules its other pages
// are drawn from, fetched on demand (src/ui/on_demand_pages.rs). Trunk 0.21 has no split step, so this hook
// replaces what Trunk wrote for the rust link (`data-wasm-opt="0"`: the hook optimises):
//
// 1. `wasm-split-cli` (crate wasm_split_cli_support, the splitter Leptos 0.8's `#[lazy_route]` is made for)
//    splits cargo's own .wasm, linked with `--emit-relocs` (build.rs), into the main module, one module per
//    on-demand page, shared chunks and `__wasm_split.js`, the loader that fetches them;
// 2. `wasm-bindgen` writes the main module's JS glue under Trunk's hashed name, so Trunk's loader in
//    index.html works unchanged;
// 3. in release builds, `wasm-opt -Oz` optimises every module and esbuild minifies the two scripts (Trunk
//    minified the glue it wrote, which this replaces);
// 4. every on-demand file is renamed with a hash of its content (the splitter's names are fixed), and the
//    names that refer to it are rewritten;
// 5. the `integrity` hashes Trunk wrote in index.html are recomputed for the files replaced here, and the
//    on-demand files are listed in the service worker, which keeps them for offline use;
// 6. index.html preloads the demo council's module and the chunks it uses (FIRST_VISIT): a first visit
//    needs them as soon as the main module starts, and fetched then they would wait for it; fetched beside it
//    they arrive with it. A returning visit has them in the service worker's cache, so the preload costs it
//    nothing on the network. Likewise, an inline script preloads what the page at the address opened draws
//    at once from modules of its own (ON_OPENING).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { transformSync } from 'esbuild';

const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';
const profile = process.env.TRUNK_PROFILE ?? 'release';
const targetDir = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR ?? '.', 'target');
const cargoWasm = join(targetDir, 'wasm32-unknown-unknown', profile, 'pmf.wasm');
/** What index.html asked of wasm-opt before the split; the main module owns its memory, so the same holds. */
const MAIN_OPT = ['-Oz', '--low-memory-unused', '--zero-filled-memory'];
/** The chunks import the main module's memory, which is not zero-filled. */
const CHUNK_OPT = ['-Oz', '--low-memory-unused'];
const WORKER_MARKER = '/* __ON_DEMAND_FILES__ */';
const LOADER = '__wasm_split.js';
/** The `#[lazy]` function every first visit calls at once: the demo council's generator (src/ui/demo_on_demand.rs). */
const FIRST_VISIT = 'demo_on_demand';
/**
 * The pages in the first download that, as they open, draw from `#[lazy]` functions of their own modules and
 * from ECharts: each address (after the public URL; src/ui/routes.rs writes them) with what it fetches at once.
 * A KPI's page waits for all three before its largest element is drawn: preloaded, its LCP fell from 6.8 to
 * 5.8 s (Lighthouse mobile, median of three). The golden thread draws its largest element before its chart,
 * so ECharts preloaded only took bandwidth from the main module: LCP 4.4 -> 5.6 s; it is left out.
 */
const ON_OPENING = [{ address: '^scorecards/kpi/', lazy: ['working_sections_on_demand', 'chart_option'], echarts: true }];

/**
 * "split___kpi_route_view_1037….wasm" → "page-kpi"; a `#[lazy]` function's "split_read_sheets_on_demand_52….wasm"
 * → "lazy-read-sheets-on-demand"; "chunk_17.wasm" → "chunk-17".
 */
const shortName = (file) =>
  file
    .replace(/\.wasm$/, '')
    .replace(/^split___(\w+?)_route_view_\d+$/, (_, page) => `page-${page.replaceAll('_', '-')}`)
    .replace(/^split_+(\w+?)_\d+$/, (_, name) => `lazy-${name.replaceAll('_', '-')}`)
    .replace(/^chunk_(\d+)$/, 'chunk-$1');
const release = profile === 'release';
/** `source` minified in release builds, as Trunk minifies the scripts it writes. */
const minified = (source) => (release ? transformSync(source, { minify: true, format: 'esm' }).code : source);
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const contentHash = (bytes, length = 16) => createHash('sha256').update(bytes).digest('hex').slice(0, length);

const glue = readdirSync(staging).find((f) => /^pmf-[0-9a-f]+\.js$/.test(f));
if (!glue) {
  throw new Error(`split-wasm: no pmf-<hash>.js in ${staging}; is the rust link's data-bin "pmf"?`);
}
const outName = glue.replace(/\.js$/, '');
for (const trunkFile of [glue, `${outName}_bg.wasm`]) {
  rmSync(join(staging, trunkFile), { force: true });
}

// 1. Split cargo's module.
const parts = mkdtempSync(join(tmpdir(), 'pmf-split-'));
run('wasm-split-cli', ['--target', 'web', '--out-name', outName, cargoWasm, parts]);

// 2. The main module's glue, under Trunk's name.
run('wasm-bindgen', [
  '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
  '--out-name', outName, '--out-dir', staging, join(parts, `${outName}.wasm`),
]);

// 3. Optimise every module.
const onDemandWasm = readdirSync(parts).filter((f) => f.endsWith('.wasm') && f !== `${outName}.wasm`);
const mainWasm = join(staging, `${outName}_bg.wasm`);
if (release) {
  run('wasm-opt', [...MAIN_OPT, mainWasm, '-o', mainWasm]);
  for (const file of onDemandWasm) {
    run('wasm-opt', [...CHUNK_OPT, join(parts, file), '-o', join(parts, file)]);
  }
}

// 4. Name the on-demand files by their content, and rewrite the names that refer to them.
let loader = readFileSync(join(parts, LOADER), 'utf8');
const onDemand = [];
for (const file of onDemandWasm) {
  const bytes = readFileSync(join(parts, file));
  const named = `${shortName(file)}-${contentHash(bytes)}.wasm`;
  const reference = `"./${file}"`;
  if (!loader.includes(reference)) {
    throw new Error(`split-wasm: ${LOADER} does not name ${file}`);
  }
  loader = loader.replaceAll(reference, `"./${named}"`);
  writeFileSync(join(staging, named), bytes);
  onDemand.push(named);
}
// The chunks a module uses are those whose comment in the loader names it among their users.
const chunks = [...loader.matchAll(/\/\* ([^*]*) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)]
  .map(([, users, file]) => ({ users: users.split(', '), file }));
/** The files a `#[lazy]` function's first call fetches: its chunks, then its module. */
const filesOf = (lazy) => {
  const module = onDemand.find((f) => f.startsWith(`lazy-${lazy.replaceAll('_', '-')}-`));
  const used = chunks.filter(({ users }) => users.some((user) => user.startsWith(`${lazy}_`))).map(({ file }) => file);
  if (!module) {
    throw new Error(`split-wasm: no module for ${lazy} among the split files`);
  }
  return [...used, module];
};
const firstVisit = filesOf(FIRST_VISIT);
loader = minified(loader);
const loaderNamed = `__wasm_split-${contentHash(loader)}.js`;
writeFileSync(join(staging, loaderNamed), loader);
onDemand.push(loaderNamed);
const gluePath = join(staging, glue);
const glueSource = readFileSync(gluePath, 'utf8');
// Only the import statements: the keys of the imports object are the wasm's module names and stay as they are.
const importOfLoader = `from "./${LOADER}"`;
if (!glueSource.includes(importOfLoader)) {
  throw new Error(`split-wasm: ${glue} does not import ${LOADER}`);
}
writeFileSync(gluePath, minified(glueSource.replaceAll(importOfLoader, `from "./${loaderNamed}"`)));
rmSync(parts, { recursive: true, force: true });

// 5. index.html's integrity hashes for the replaced files, and the service worker's list.
const page = join(staging, 'index.html');
const replaced = new Set([glue, `${outName}_bg.wasm`]);
let html = readFileSync(page, 'utf8').replace(/<link\b[^>]*>/g, (tag) => {
  const href = tag.match(/\bhref="([^"]+)"/)?.[1];
  if (!href || !replaced.has(basename(href)) || !/\bintegrity="/.test(tag)) {
    return tag;
  }
  const digest = createHash('sha384').update(readFileSync(join(staging, basename(href)))).digest('base64');
  return tag.replace(/\bintegrity="[^"]*"/, `integrity="sha384-${digest}"`);
});

// 6. Preload what a first visit fetches at once, from where Trunk's own preload of the main module says the
// files are served (the public URL). As a fetch, without credentials, as the loader's own fetch asks for it.
const mainPreload = html.match(new RegExp(`<link rel="preload" href="([^"]*)${outName}_bg\\.wasm"[^>]*>`));
if (!mainPreload) {
  throw new Error(`split-wasm: index.html has no preload of ${outName}_bg.wasm to put the first visit's beside`);
}
const publicUrl = mainPreload[1];
const preload = (file) =>
  `<link rel="preload" href="${publicUrl}${file}" as="fetch" type="application/wasm" crossorigin="anonymous">`;
const echarts = html.match(/<script src="[^"]*?(echarts-[0-9a-f]+\.js)"[^>]*\bintegrity="([^"]+)"/);
if (!echarts) {
  throw new Error('split-wasm: index.html names no ECharts bundle with its integrity');
}
// As the page's own fetches ask for them: the modules as fetches without credentials, ECharts as the classic
// script with its integrity that src/ui/components/echarts_script.rs adds.
const onOpening = ON_OPENING.map(({ address, lazy, echarts: charts }) => [
  address,
  [...new Set(lazy.flatMap(filesOf))].filter((file) => !firstVisit.includes(file)),
  charts ? [echarts[1], echarts[2]] : null,
]);
const preloadOnOpening = `(() => {
  const at = location.pathname.slice(new URL(document.baseURI).pathname.length);
  const add = (href, as, set) => {
    const link = Object.assign(document.createElement('link'), { rel: 'preload', href, as });
    set(link);
    document.head.append(link);
  };
  for (const [address, modules, script] of ${JSON.stringify(onOpening)}) {
    if (!new RegExp(address).test(at)) continue;
    for (const file of modules) add(file, 'fetch', (link) => { link.type = 'application/wasm'; link.crossOrigin = 'anonymous'; });
    if (script) add(script[0], 'script', (link) => { link.integrity = script[1]; });
  }
})();`;
html = html.replace(
  mainPreload[0],
  // A module, like Trunk's loader after it: run once the page is parsed (a moment, it is this short), in order.
  [mainPreload[0], ...firstVisit.map(preload), `<script type="module">${minified(preloadOnOpening)}</script>`].join('\n'),
);
writeFileSync(page, html);
const worker = join(staging, 'service-worker.js');
const workerSource = readFileSync(worker, 'utf8');
if (!workerSource.includes(WORKER_MARKER)) {
  throw new Error(`split-wasm: ${worker} has no ${WORKER_MARKER} to fill`);
}
writeFileSync(worker, workerSource.replace(WORKER_MARKER, onDemand.map((f) => JSON.stringify(f)).join(', ')));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const size = (file) => readFileSync(join(staging, file)).length;
console.log(
  `split-wasm: main module ${kb(size(`${outName}_bg.wasm`))}; ${onDemand.length} on-demand files, ` +
    `${kb(onDemand.reduce((sum, f) => sum + size(f), 0))} in all; a first visit's ${firstVisit.length} preloaded`,
);
