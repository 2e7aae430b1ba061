// A static file server for the release build on 127.0.0.1, with the single-page-app fallback a static
// host must have: any path that is not a file is answered with index.html, so deep links load.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

/** Each content encoding a host may answer with, its file suffix and how to compress when no copy is there. */
const ENCODINGS = {
  br: { suffix: '.br', compress: (body) => brotliCompressSync(body) },
  gzip: { suffix: '.gz', compress: (body) => gzipSync(body) },
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves `root` on 127.0.0.1 at a free port, under `prefix` (`/`, or `/pmf/` as a host serving the app from a
 * sub-path would): a request outside the prefix is answered 404. `encodings` (`br`, `gzip`), in order of
 * preference, are the content encodings to answer with when the request accepts one, as a production host
 * would: the build's pre-compressed copy beside the file (`.br`, `.gz`, written by .ci/precompress.mjs) if
 * there is one, else compressed there and then. The benchmarks measure that; the tests need not.
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveStatic(root, { prefix = '/', encodings = [] } = {}) {
  const base = resolve(root);
  if (!(await isFile(join(base, 'index.html')))) {
    throw new Error(`No release build at ${base}: run 'trunk build --release' first.`);
  }
  const server = createServer(async (request, response) => {
    const full = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    if (!(full.startsWith(prefix) || `${full}/` === prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${full} is outside ${prefix}`);
      return;
    }
    const path = `/${full.slice(prefix.length)}`;
    const candidate = normalize(join(base, path));
    const inside = candidate === base || candidate.startsWith(base + sep);
    const file = inside && (await isFile(candidate)) ? candidate : join(base, 'index.html');
    const accepted = (request.headers['accept-encoding'] ?? '').split(',').map((e) => e.split(';')[0].trim());
    const encoding = encodings.find((e) => accepted.includes(e));
    let body = await readFile(file);
    if (encoding) {
      const { suffix, compress } = ENCODINGS[encoding];
      body = (await isFile(file + suffix)) ? await readFile(file + suffix) : compress(body);
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
    });
    response.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
