import { type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import { type BrandId, type BrandScope, inBrand } from '../../platform/database/tenancy.ts';
import { publishEvent } from '../../platform/events/publish.ts';
import { type ImportChunk, fieldSeparator, nullMarker } from './chunk.ts';
import type { ImportTables } from './tables.ts';

export type ImportRecord = Selectable<ImportTables['registration_imports']>;

/** What a chunk's writes need to know about the import they belong to. */
export interface ImportTarget {
  readonly importId: string;
  /** Ownerships registered before this are past onboarding: they start at the 'enjoying' stage. */
  readonly enjoyingBefore: Date;
  readonly consentWording: { readonly text: string; readonly version: string } | null;
}

/** Someone else ended the import while this run was writing it (the sweep of stalled imports failed it). */
export class ImportStopped extends Error {}

// A live registration, or the other lane, can take a unit or an owner between the checks and the
// writes of a chunk (a unique or foreign key violation), and transactions can deadlock on shared units
// or owners: the chunk then rolls back whole and runs again, and sees what the other one did.
const retryable = new Set(['23505', '23503', '23502', '40001', '40P01']);

/**
 * Applies one lane's chunk in one transaction together with the progress that counts it: owners,
 * ownerships, consent records and rejections are written set-based, then the import's counts grow and
 * the lane's `through_lines` entry moves to the chunk's last line, unless the import was stopped
 * meanwhile (failed by the sweep, or finished), in which case nothing of the chunk is kept.
 */
export async function applyChunk(db: Db, brandId: BrandId, target: ImportTarget, chunk: ImportChunk, lane: number): Promise<ImportRecord> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inBrand(db, brandId, (scope) => applyChunkOnce(scope, target, chunk, lane));
    } catch (error) {
      if (attempt >= 5 || !retryable.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
}

async function applyChunkOnce(scope: BrandScope, target: ImportTarget, chunk: ImportChunk, lane: number): Promise<ImportRecord> {
  // The chunk statement keeps its rows in memory a few times over (about 3 MB per 10,000 lines): more
  // than the default work_mem, which would spill them to temporary files.
  await sql`set local work_mem = '64MB'`.execute(scope.db);
  const counts = chunk.rows > 0 ? await writeRows(scope, target, chunk) : { imported: 0, alreadyRegistered: 0, rejected: 0 };
  const rejected = counts.rejected + (await recordRejections(scope, target.importId, chunk));

  // Last, so that the lanes' transactions hold the import's row only for the moment before they commit.
  const { rows } = await sql<ImportRecord>`
    update registration_imports set
      rows_received = rows_received + ${chunk.received},
      rows_imported = rows_imported + ${counts.imported},
      rows_rejected = rows_rejected + ${rejected},
      rows_already_registered = rows_already_registered + ${counts.alreadyRegistered},
      through_lines[${lane + 1}] = ${chunk.throughLine},
      updated_at = now()
    where id = ${target.importId} and status in ('receiving', 'importing')
    returning *`.execute(scope.db);
  const record = rows[0];
  if (!record) throw new ImportStopped(`Import ${target.importId} was stopped while this run was writing it.`);
  return record;
}

/** Ends an import whose every line is applied, with its one `registrations.imported` event. */
export async function finishImport(db: Db, brandId: BrandId, importId: string): Promise<ImportRecord> {
  return inBrand(db, brandId, async (scope) => {
    const record = await scope.db
      .updateTable('registration_imports')
      .set({ status: 'done', finished_at: new Date(), updated_at: new Date() })
      .where('id', '=', importId)
      .where('status', 'in', ['receiving', 'importing'])
      .returningAll()
      .executeTakeFirst();
    if (!record) throw new ImportStopped(`Import ${importId} was stopped before it could finish.`);
    await publishEvent(scope, {
      type: 'registrations.imported',
      subjectType: 'registration_import',
      subjectId: record.id,
      payload: { importId: record.id, imported: record.rows_imported, rejected: record.rows_rejected, alreadyRegistered: record.rows_already_registered },
    });
    return record;
  });
}

async function recordRejections(scope: BrandScope, importId: string, chunk: ImportChunk): Promise<number> {
  if (chunk.rejections.length === 0) return 0;
  const result = await sql`
    insert into registration_import_rejections (brand_id, import_id, line, reason, raw)
    select ${scope.brandId}, ${importId}, r.line, r.reason, r.raw
    from unnest(${chunk.rejections.map((r) => r.line)}::integer[], ${chunk.rejections.map((r) => r.reason)}::text[], ${chunk.rejections.map((r) => r.raw)}::text[]) as r (line, reason, raw)
    on conflict do nothing`.execute(scope.db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The good rows of a chunk in one statement, set-based: each row's outcome is decided (new, already
 * registered to the same email, registered to another owner, or a repeat of an earlier line's unit),
 * then owners, ownerships and consents are written for the new ones. One statement sees one snapshot:
 * an owner another transaction adds meanwhile is missed by the lookup and the ownership's owner_id is
 * null, which the not-null constraint turns into a retry of the chunk.
 *
 * Lookups name the brand as current_brand_id() rather than as a constant: the planner then estimates
 * a brand's rows from the average brand, not from statistics taken before this import made the brand
 * large, which would have it scan all of the brand's rows for every line.
 */
async function writeRows(scope: BrandScope, target: ImportTarget, chunk: ImportChunk) {
  const { brandId } = scope;
  const { importId } = target;
  const [lines, emails, names, phones, modelIds, serials, purchaseDates, retailers, postalCodes, countries, registeredAts, emailConsents, smsConsents, languages, safetyOnly, manufacturedOn, raws, firstLines] =
    chunk.columns();
  const list = (text: string | undefined) => sql`string_to_array(${text}, ${fieldSeparator}, ${nullMarker})`;
  const wording = target.consentWording;

  const { rows } = await sql<{ imported: number; already: number; rejected: number }>`
    with input as materialized (
      select * from unnest(
        ${list(lines)}::integer[], ${list(emails)}, ${list(names)}, ${list(phones)}, ${list(modelIds)}::uuid[], ${list(serials)},
        ${list(purchaseDates)}::date[], ${list(retailers)}, ${list(postalCodes)}, ${list(countries)}, ${list(registeredAts)}::timestamptz[],
        ${list(emailConsents)}::boolean[], ${list(smsConsents)}::boolean[], ${list(languages)}, ${list(safetyOnly)}::boolean[],
        ${list(manufacturedOn)}::date[], ${list(raws)}, ${list(firstLines)}::integer[]
      ) as c (line, email, name, phone, model_id, serial, purchase_date, retailer, postal_code, country, registered_at,
              email_consent, sms_consent, language, safety_only, manufactured_on, raw, first_line)
    ),
    judged as materialized (
      select i.*,
        case
          when i.first_line <> i.line then 'duplicate'
          when held.import_id = ${importId} then 'duplicate' -- another chunk of this file registered it
          when held.email is null then 'new'
          when held.email = i.email then 'already'
          else 'taken'
        end as outcome
      from input i
      left join lateral (
        select w.import_id, o.email from ownerships w join owners o on o.id = w.owner_id
        where i.serial is not null and w.brand_id = current_brand_id() and w.model_id = i.model_id and w.serial = i.serial and w.status = 'active'
        union all
        select w.import_id, o.email from owners o join ownerships w on w.owner_id = o.id
        where i.serial is null and o.brand_id = current_brand_id() and o.email = i.email and w.model_id = i.model_id and w.serial is null
          and w.status = 'active' and w.purchase_date is not distinct from i.purchase_date
        limit 1
      ) held on i.first_line = i.line
    ),
    rejected as (
      insert into registration_import_rejections (brand_id, import_id, line, reason, raw)
      select ${brandId}, ${importId}, line,
        case
          when outcome = 'taken' then 'serial: ' || serial || ' is already registered to another owner'
          when serial is null then 'The same product, email and purchase date as ' ||
            case when first_line <> line then 'line ' || first_line || '; a unit is registered from one line only' else 'another line of this file, which registered it' end
          else 'serial: ' || serial || ' of the same product is also on ' ||
            case when first_line <> line then 'line ' || first_line || '; a unit is registered from one line only' else 'another line of this file, which registered it' end
        end,
        raw
      from judged where outcome in ('taken', 'duplicate')
      on conflict do nothing
      returning 1
    ),
    fresh as materialized (select * from judged where outcome = 'new'),
    -- New owners from their first line; an owner who exists keeps their details and only has gaps
    -- filled. As on the registration page, an ordinary product's registration lifts safety_only.
    upserted as (
      insert into owners (brand_id, email, name, phone, postal_code, country, language, safety_only)
      select ${brandId}, email,
        (array_agg(name order by line))[1],
        (array_agg(phone order by line) filter (where phone is not null))[1],
        (array_agg(postal_code order by line) filter (where postal_code is not null))[1],
        (array_agg(country order by line) filter (where country is not null))[1],
        (array_agg(language order by line))[1],
        bool_and(safety_only)
      from fresh
      group by email
      order by email
      on conflict (brand_id, email) do update set
        phone = coalesce(owners.phone, excluded.phone),
        postal_code = coalesce(owners.postal_code, excluded.postal_code),
        country = coalesce(owners.country, excluded.country),
        safety_only = owners.safety_only and excluded.safety_only,
        updated_at = now()
      where (owners.phone is null and excluded.phone is not null)
         or (owners.postal_code is null and excluded.postal_code is not null)
         or (owners.country is null and excluded.country is not null)
         or (owners.safety_only and not excluded.safety_only)
      returning id, email
    ),
    owner_ids as materialized (
      select distinct on (email) email, id from (
        select email, id from upserted
        union all
        select o.email, o.id from owners o where o.brand_id = current_brand_id() and o.email in (select email from fresh)
      ) known
    ),
    placed as (
      insert into ownerships (brand_id, owner_id, model_id, serial, purchase_date, retailer, postal_code, country, manufactured_on,
                              stage, safety_only, source, identified_by, import_id, registered_at)
      select ${brandId}, k.id, f.model_id, f.serial, f.purchase_date, f.retailer, f.postal_code, f.country, f.manufactured_on,
        case when f.registered_at < ${target.enjoyingBefore} then 'enjoying' else 'onboarding' end,
        f.safety_only, 'import', 'typed', ${importId}, f.registered_at
      from fresh f left join owner_ids k on k.email = f.email
      order by f.line
      returning 1
    ),
    consented as (
      insert into consent_records (brand_id, owner_id, channel, granted, wording, wording_version, language, source, recorded_at)
      select ${brandId}, k.id, a.channel, a.granted, ${wording?.text ?? null}, ${wording?.version ?? null}, f.language, 'import', f.registered_at
      from fresh f
      left join owner_ids k on k.email = f.email
      cross join lateral (values ('email', f.email_consent), ('sms', f.sms_consent)) as a (channel, granted)
      where a.granted is not null
      order by f.line
      returning 1
    )
    select (select count(*) from placed)::integer as imported,
           (select count(*) from judged where outcome = 'already')::integer as already,
           (select count(*) from rejected)::integer as rejected,
           (select count(*) from consented)::integer as consents`.execute(scope.db);
  const counts = rows[0];
  return { imported: counts?.imported ?? 0, alreadyRegistered: counts?.already ?? 0, rejected: counts?.rejected ?? 0 };
}
