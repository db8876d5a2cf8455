import { z } from 'zod';
import type { RouteModule } from '../../platform/http/server.ts';
import { compressedAsset, scannerAsset, scannerVersion } from './scanner-assets.ts';

const yearSeconds = 365 * 86_400;

/**
 * The camera scanner of the registration page and the barcode decoder it falls back on where the
 * browser has no BarcodeDetector (zxing-wasm), served by OpenOX itself: an owner's phone never asks a
 * CDN for anything. The addresses carry a hash of the content, so they are cached for good.
 */
export const scannerAssetRoutes: RouteModule = (app) => {
  app.get('/scanner/:version/:file', {
    schema: { hide: true, params: z.object({ version: z.string(), file: z.string() }) },
    // Compressed once and kept (see compressedAsset), not on every request.
    compress: false,
  }, async (request, reply) => {
    const asset = scannerAsset(request.params.file);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('There is no such scanner file.');
    // An old page asking for an earlier version gets today's file, but must not keep it.
    const current = request.params.version === scannerVersion();
    reply
      .type(asset.contentType)
      .header('cache-control', current ? `public, max-age=${yearSeconds}, immutable` : 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('vary', 'Accept-Encoding');
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    if (!encoding) return reply.send(asset.raw);
    const body = await compressedAsset(request.params.file, encoding);
    return reply.header('content-encoding', encoding).send(body);
  });
};
