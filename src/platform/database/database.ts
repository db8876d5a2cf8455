import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AccessTables } from '../../access/tables.ts';
import type { AgentTables } from '../../agent/tables.ts';
import type { BrandTables } from '../../brands/tables.ts';
import type { CareTables } from '../../care/tables.ts';
import type { CatalogTables } from '../../catalog/tables.ts';
import type { ClaimTables } from '../../claims/tables.ts';
import type { IdentificationTables } from '../../identification/tables.ts';
import type { JourneyTables } from '../../journeys/tables.ts';
import type { MessagingTables } from '../../messaging/tables.ts';
import type { ClickTables } from '../../messaging/clicks/tables.ts';
import type { TemplateTables } from '../../messaging/templates/tables.ts';
import type { OwnerTables } from '../../owners/tables.ts';
import type { RecallTables } from '../../recalls/tables.ts';
import type { ImportTables } from '../../registration/import/tables.ts';
import type { RegistrationTables } from '../../registration/tables.ts';
import type { ReviewTables } from '../../reviews/tables.ts';
import type { SegmentTables } from '../../segments/tables.ts';
import type { TelemetryTables } from '../../telemetry/tables.ts';
import type { WarrantyTables } from '../../warranty/tables.ts';
import type { EventTables } from '../events/tables.ts';
import type { FileTables } from '../files/tables.ts';
import type { HttpTables } from '../http/tables.ts';

/** Every table OpenOX owns, as the typed query layer sees it. */
export interface Database
  extends BrandTables, AccessTables, HttpTables, EventTables, FileTables, CatalogTables, OwnerTables, RegistrationTables, ImportTables, MessagingTables, RecallTables, WarrantyTables, CareTables, ClaimTables, AgentTables, IdentificationTables, JourneyTables, SegmentTables, TemplateTables, ClickTables, TelemetryTables, ReviewTables {}

export type Db = Kysely<Database>;

// int8 (counts, sums) as JS numbers: OpenOX's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
// Dates of purchase are calendar dates, not instants: keep them as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function connect(url: string, poolSize = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A client that loses its connection (the server restarted) is replaced by the pool; the query
  // that was using it fails and says so. Without these handlers the error would crash the process.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}
