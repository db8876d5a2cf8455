import type { FastifyRequest } from 'fastify';
import { requirePrincipal } from '../../access/principal.ts';
import type { Db } from '../database/database.ts';
import { type BrandScope, inBrand } from '../database/tenancy.ts';

/** Runs a read route's `work` in one transaction scoped to the caller's brand (writes go through `write`). */
export function readForCaller<T>(db: Db, request: FastifyRequest, work: (scope: BrandScope) => Promise<T>): Promise<T> {
  return inBrand(db, requirePrincipal(request).brandId, work);
}
