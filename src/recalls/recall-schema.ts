import { z } from 'zod';
import { normaliseSerial } from '../catalog/serial-mask.ts';
import { pageQuery } from '../platform/http/pagination.ts';

const isoDay = z.iso.date('Use a date like 2026-03-15.');

/** Serials as owners' registrations store them (capitals, no spaces), each once. */
const serials = z
  .array(z.string().trim().min(1, 'A serial cannot be empty.').max(100, 'At most 100 characters.'))
  .min(1, 'Name at least one serial, or leave serials out to recall every unit.')
  .max(100_000, 'At most 100,000 serials per recall; split larger recalls by date of manufacture.')
  .transform((list) => [...new Set(list.map(normaliseSerial))]);

/** A new recall. Without serials and dates it covers every unit of the model. */
export const createRecallBody = z
  .strictObject({
    modelId: z.uuid('This is not an id OpenOX gave out.'),
    title: z.string().trim().min(1, 'Give the recall a title owners will recognise.').max(200),
    hazard: z.string().trim().min(1, 'Say what the hazard is.').max(5000),
    remedy: z.string().trim().min(1, 'Say what owners should do.').max(5000),
    url: z.url({ protocol: /^https?$/, error: 'Give a full web address starting with https://.' }).max(2000).nullable().default(null)
      .meta({ description: 'The official recall notice, e.g. on the regulator\'s site.' }),
    serials: serials.nullable().default(null).meta({ description: 'The affected units; compared as owners type them, ignoring case and spaces.' }),
    manufacturedFrom: isoDay.nullable().default(null).meta({ description: 'First day of manufacture affected (inclusive).' }),
    manufacturedTo: isoDay.nullable().default(null).meta({ description: 'Last day of manufacture affected (inclusive).' }),
  })
  .refine((recall) => !recall.manufacturedFrom || !recall.manufacturedTo || recall.manufacturedFrom <= recall.manufacturedTo, {
    message: 'manufacturedTo must be on or after manufacturedFrom.',
    path: ['manufacturedTo'],
  });
export type CreateRecall = z.output<typeof createRecallBody>;

export const recallView = z
  .object({
    id: z.uuid(),
    modelId: z.uuid(),
    title: z.string(),
    hazard: z.string(),
    remedy: z.string(),
    url: z.string().nullable(),
    serials: z.array(z.string()).nullable().meta({ description: 'Null when the recall is not limited to named serials.' }),
    manufacturedFrom: z.string().nullable(),
    manufacturedTo: z.string().nullable(),
    announcedOn: z.string(),
    status: z.enum(['open', 'closed']),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Recall' });
export type RecallView = z.output<typeof recallView>;

export const listRecallsQuery = z.object({
  ...pageQuery,
  modelId: z.uuid().optional(),
  status: z.enum(['open', 'closed']).optional().meta({ description: 'Open or closed recalls only; both when absent.' }),
});
export type RecallFilter = z.output<typeof listRecallsQuery>;
