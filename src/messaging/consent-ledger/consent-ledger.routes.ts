import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { requirePermission, requirePrincipal } from '../../access/principal.ts';
import type { ConsentLedgerFilter } from '../../owners/consents.ts';
import type { Db } from '../../platform/database/database.ts';
import { type BrandId, inBrand } from '../../platform/database/tenancy.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { idParams } from '../../platform/http/responses.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { consentLedgerCsv } from './consent-ledger-csv.ts';

const day = z.iso.date({ error: 'A day as YYYY-MM-DD.' });
const rangeQuery = z.object({
  from: day.optional().meta({ description: 'First day included (UTC), YYYY-MM-DD.' }),
  to: day.optional().meta({ description: 'Last day included (UTC), YYYY-MM-DD.' }),
});
const csvDescription =
  'Columns: recorded_at, owner_id, owner_email, channel, decision (granted or withdrawn), source, ip, user_agent, language, wording_version, wording. ' +
  'Oldest first. The ledger is append-only: every answer an owner gave stays, with the words they were shown.';

function rangeOf(query: z.output<typeof rangeQuery>): Pick<ConsentLedgerFilter, 'from' | 'to'> {
  const from = query.from ? new Date(`${query.from}T00:00:00Z`) : undefined;
  const to = query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) : undefined;
  if (from && to && from >= to) throw new ApiError('validation_failed', 'from is after to: give the first day, then the last.', [{ path: 'querystring.to', message: 'Must not be before from.' }]);
  return { from, to };
}

function sendCsv(reply: FastifyReply, db: Db, brandId: BrandId, filter: ConsentLedgerFilter, fileName: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Readable.from(consentLedgerCsv(db, brandId, filter)));
}

/** The consent ledger exported as evidence, per owner and brand-wide. */
export const consentLedgerRoutes: RouteModule = (app, { db }) => {
  const read = requirePermission('owners:read');
  const tags = ['owners'];

  app.get('/api/v1/consent-records.csv', {
    preValidation: read,
    schema: { tags, summary: "Every consent given or withdrawn in the brand, as CSV evidence, within a date range", description: csvDescription, querystring: rangeQuery, produces: ['text/csv'] },
  }, async (request, reply) => {
    const range = rangeOf(request.query);
    const name = `consent-records${request.query.from ? `-from-${request.query.from}` : ''}${request.query.to ? `-to-${request.query.to}` : ''}.csv`;
    return sendCsv(reply, db, requirePrincipal(request).brandId, range, name);
  });

  app.get('/api/v1/owners/:id/consent-records.csv', {
    preValidation: read,
    schema: { tags, summary: "One owner's consent history as CSV evidence", description: csvDescription, params: idParams, querystring: rangeQuery, produces: ['text/csv'] },
  }, async (request, reply) => {
    const brandId = requirePrincipal(request).brandId;
    const range = rangeOf(request.query);
    const owner = await inBrand(db, brandId, (scope) => scope.db.selectFrom('owners').select('id').where('id', '=', request.params.id).executeTakeFirst());
    if (!owner) throw new ApiError('not_found', 'There is no owner with this id in your brand.');
    return sendCsv(reply, db, brandId, { ...range, ownerId: owner.id }, `consent-records-${owner.id}.csv`);
  });
};
