import { z } from 'zod';
import { serialMatchesMask } from '../../catalog/serial-mask.ts';
import { sitePath } from '../../owner-site/brand-site.ts';
import { openSite } from '../../owner-site/site-request.tsx';
import { type BrandScope, inBrand } from '../../platform/database/tenancy.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { modelIdByGtin, registrableModel } from '../../registration/registrable-model.ts';
import { labelCatalogOf } from '../label-catalog.ts';
import { fieldsOfCode } from './scanned-code.ts';

const codeBody = z.object({
  text: z.string().min(1).max(2000),
  format: z.string().max(40).optional(),
  /** The model whose registration page the scan was made on; null on the start page. */
  modelId: z.uuid().nullable().optional(),
});

/**
 * What the registration page's scanner does with a code: `filled` (the serial goes in the form, marked
 * as identified by the code), `open` (the code is another product's: its registration page, with the
 * serial), or a message saying what to scan instead. The interpretation happens here, not in the
 * phone, so there is one reading of GS1 codes and the model's serial rules for the page and the server.
 */
export type CodeAnswer =
  | { readonly outcome: 'filled'; readonly serial: string; readonly identifiedBy: 'qr' | 'barcode'; readonly message: string }
  | { readonly outcome: 'open'; readonly url: string; readonly message: string }
  | { readonly outcome: 'model_only' | 'not_serial' | 'unknown'; readonly message: string };

export const scannedCodeRoutes: RouteModule = (app, { db }) => {
  app.post('/o/:slug/identify/code', { schema: { hide: true, params: z.object({ slug: z.string() }), body: codeBody } }, async (request, reply) => {
    const site = await openSite(db, request, reply);
    if (!site) return reply;
    const { t } = site.page;
    const { text, format, modelId: pageModelId } = request.body;
    const code = fieldsOfCode(text);
    // A QR or Data Matrix code in a phone's hand is the product's QR code; a line of bars is a barcode.
    const identifiedBy = format === 'qr_code' ? 'qr' : 'barcode';

    const answer = await inBrand(db, site.brand.id, async (scope): Promise<CodeAnswer> => {
      const codeModelId = code.gtin14 ? await modelIdByGtin(scope, code.gtin14) : null;
      if (code.gtin14 && !codeModelId) return { outcome: 'unknown', message: t('identify.codeUnknown', { brand: site.brand.name }) };
      // On the start page a bare serial names its product when exactly one model's serial rules fit it.
      const modelId = codeModelId ?? pageModelId ?? (code.serial ? await onlyModelFitting(scope, code.serial) : null);
      if (!modelId) {
        return code.serial ? { outcome: 'not_serial', message: t('identify.codeNotSerial') } : { outcome: 'unknown', message: t('identify.codeUnknown', { brand: site.brand.name }) };
      }
      const model = await registrableModel(scope, site.brand, modelId, { withResources: false }).catch(() => null);
      if (!model) return { outcome: 'unknown', message: t('identify.codeUnknown', { brand: site.brand.name }) };
      const serial = code.serial && model.serialMasks.some((mask) => serialMatchesMask(code.serial as string, mask.tokens)) ? code.serial : null;
      if (modelId !== pageModelId) {
        const query = new URLSearchParams({ model: modelId, ...(serial ? { serial, via: identifiedBy } : {}), ...(code.lot ? { lot: code.lot } : {}), ...(code.productionDate ? { production: code.productionDate } : {}) });
        return { outcome: 'open', url: `${sitePath(site.brand, '/register')}?${query}`, message: t('register.title', { product: model.name }) };
      }
      if (serial) return { outcome: 'filled', serial, identifiedBy, message: t('identify.codeSerial', { serial }) };
      return code.gtin14 ? { outcome: 'model_only', message: t('identify.codeModelOnly') } : { outcome: 'not_serial', message: t('identify.codeNotSerial') };
    });
    return reply.send(answer);
  });
};

async function onlyModelFitting(scope: BrandScope, serial: string): Promise<string | null> {
  const fitting = (await labelCatalogOf(scope)).models.filter((model) => model.serialMasks.some((mask) => serialMatchesMask(serial, mask.tokens)));
  return fitting.length === 1 ? (fitting[0]?.id ?? null) : null;
}
