// Trunk post-build step (.ci/post-build.mjs): puts the SHA-256 hash of every inline <script> Trunk wrote into
// index.html (the module that loads the wasm) into the page's Content-Security-Policy, in place of the marker,
// so the policy can allow exactly those scripts and no 'unsafe-inline'.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MARKER = "'inline-script-hashes'";
const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
const html = await readFile(file, 'utf8');
if (!html.includes(MARKER)) {
  throw new Error(`${file} has no ${MARKER} marker in its Content-Security-Policy`);
}
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
await writeFile(file, html.replace(MARKER, hashes.join(' ')));
console.log(`Content-Security-Policy: ${hashes.length} inline script hash(es) added`);
