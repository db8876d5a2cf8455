import { type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import { ApiError } from './errors.ts';

/** Query fields every list accepts. Lists run newest first and page by the (time-ordered) id. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().meta({ description: 'The nextCursor of the previous page.' }),
};

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** The id to continue after, or null for the first page. */
function cursorId(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!z.uuid().safeParse(id).success) throw new ApiError('invalid_cursor');
  return id;
}

/** Cuts the one extra row a list query fetched (limit + 1) into a page and the cursor for the next. */
function toPage<Row extends { id: string }, Item>(rows: readonly Row[], limit: number, view: (row: Row) => Item) {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(view),
    nextCursor: rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null,
  };
}

/**
 * Runs a list query one page at a time, newest first: rows after the cursor's id, one extra row
 * fetched to know whether there is a next page.
 */
export async function keysetPage<Row extends { id: string }, Item>(
  query: SelectQueryBuilder<any, any, Row>, // any tables: a page only needs the id column
  page: { readonly limit: number; readonly cursor?: string | undefined },
  view: (row: Row) => Item,
  idColumn = 'id',
) {
  const after = cursorId(page.cursor);
  const rows = await query
    .$if(after !== null, (q) => q.where(sql.ref(idColumn), '<', after))
    .orderBy(sql.ref(idColumn), 'desc')
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit, view);
}
