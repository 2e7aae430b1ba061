// Trunk post-build hook: Trunk starts the hooks of one stage all at once, so the steps that must follow one
// another run here, in order: name the spreadsheet reader's worker files (and list them in the service
// worker), split the wasm (it rewrites index.html's integrity hashes and fills the service
// worker's list), then hash the inline scripts into the Content-Security-Policy, then stamp the service worker
// with the finished build, and last write the brotli and gzip copies of the finished files.
await import('./name-worker.mjs');
await import('./split-wasm.mjs');
await import('./csp-hashes.mjs');
await import('./stamp-service-worker.mjs');
await import('./precompress.mjs');
