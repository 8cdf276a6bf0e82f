/**
 * A minimal static file server for the built site (dist/), mounted under the site's base
 * path, so browser tests see exactly what a static host would serve. Loopback only.
 * With `host: true` it also behaves like a production static host (gzip, long-lived caching of
 * Astro's content-hashed /_astro/ files), which is what Lighthouse should measure.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export interface RunningServer {
  readonly origin: string;
  /** origin + base, ending in "/". */
  readonly root: string;
  close(): Promise<void>;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.xml', '.txt']);

export async function serveStatic(dir: string, base = '/', options: { host?: boolean } = {}): Promise<RunningServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const gzipped = new Map<string, Buffer>(); // compressed once per file
  /** Sends a file as a production host would: gzip for text types, immutable hashed assets. */
  const sendAsHost = (res: ServerResponse, file: string, status: number, acceptsGzip: boolean) => {
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': file.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=600',
    };
    let body: Buffer = readFileSync(file);
    if (acceptsGzip && COMPRESSIBLE.has(extname(file))) {
      let zipped = gzipped.get(file);
      if (!zipped) gzipped.set(file, (zipped = gzipSync(body)));
      body = zipped;
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    res.writeHead(status, headers).end(body);
  };
  const server: Server = createServer((req, res) => {
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      if (options.host) return sendAsHost(res, join(dir, '404.html'), 404, acceptsGzip);
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      createReadStream(join(dir, '404.html')).pipe(res);
      return;
    }
    if (options.host) return sendAsHost(res, file, 200, acceptsGzip);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: origin + prefix,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
