// Trunk post-build step (.ci/post-build.mjs): stamps the service worker with a hash of this build's index.html
// and of the worker itself (which between them name every content-hashed file, the on-demand modules in the
// worker's list), so each release is a new worker to the browser and older caches are dropped.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MARKER = '__BUILD_STAMP__';
const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const worker = join(dir, 'service-worker.js');
const source = await readFile(worker, 'utf8');
if (!source.includes(MARKER)) {
  throw new Error(`${worker} has no ${MARKER} to stamp`);
}
const stamp = createHash('sha256')
  .update(await readFile(join(dir, 'index.html')))
  .update(source)
  .digest('hex')
  .slice(0, 16);
await writeFile(worker, source.replace(MARKER, stamp));
console.log(`service worker stamped ${stamp}`);
