// Trunk post-build step (.ci/post-build.mjs), last, once every file is final: in release builds, writes a
// brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every file a browser fetches as text or
// code (wasm, js, css, html, svg, json), so a host that serves pre-compressed files (docs/deployment.md) sends
// the smallest form the browser accepts without compressing at each request. Brotli takes the first download
// about a fifth below gzip. Each copy is decompressed again and compared with its file before it is kept: a
// copy that does not give back the same bytes fails the build.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
/** The files a browser fetches that compress: everything but images already compressed. */
const COMPRESSIBLE = /\.(wasm|js|css|html|svg|json)$/;

/** Every compressible file under `folder`, with its path from `dir`. */
function compressible(folder) {
  return readdirSync(join(dir, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(dir, path)).isDirectory()) return compressible(path);
    return COMPRESSIBLE.test(name) ? [path] : [];
  });
}

/** Writes `packed` as `path` + `suffix` once `unpack` gives `original` back from it. */
function keep(path, suffix, original, packed, unpack) {
  if (!unpack(packed).equals(original)) {
    throw new Error(`the ${suffix} copy of ${path} does not decompress to the file itself`);
  }
  writeFileSync(join(dir, path + suffix), packed);
}

if (release) {
  const files = compressible('.');
  for (const path of files) {
    const bytes = readFileSync(join(dir, path));
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    keep(path, '.br', bytes, brotli, brotliDecompressSync);
    keep(path, '.gz', bytes, gzipSync(bytes, { level: 9 }), gunzipSync);
  }
  console.log(`pre-compressed ${files.length} files (.br and .gz beside each)`);
}
