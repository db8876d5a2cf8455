import { z } from 'zod';
import { errorCatalog } from './errors.ts';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCatalog) as [keyof typeof errorCatalog, ...(keyof typeof errorCatalog)[]]),
      message: z.string(),
      details: z.unknown(),
    }),
  })
  .meta({ id: 'Error' });

/** The error responses every route may give, for the OpenAPI document. */
export const errorResponses = { '4xx': errorSchema, '5xx': errorSchema } as const;

export const idParams = z.object({ id: z.uuid('This is not an id OpenOX gave out.') });
