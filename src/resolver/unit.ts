import { manufactureDateFromSerial } from '../catalog/manufacture-date.ts';
import { normaliseSerial, parseSerialMask } from '../catalog/serial-mask.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import type { RecallView } from '../recalls/recall-schema.ts';
import { openRecallsFor } from '../recalls/recalls.ts';

/**
 * Lookups that name a serial tell whether that unit is registered or recalled, so they are counted per
 * client address: enough for anyone scanning their products, too few to sweep a serial range.
 */
export const serialLookups = { bucket: 'resolver-serial', limit: 60, windowSeconds: 60 } as const;

/** What OpenOX knows about the unit a scan names, enough to choose the page that fits it. */
export interface UnitState {
  /** The serial as registrations store it, if the scan carried one. */
  readonly serial: string | null;
  /** YYYY-MM-DD, from the code (AI 11), the unit's registration, or the serial's date positions. */
  readonly manufacturedOn: string | null;
  /** Open recalls covering the unit. */
  readonly recalls: readonly RecallView[];
  /** The unit's active ownership: someone holds it. Never who. */
  readonly activeOwnershipId: string | null;
}

/** The state of one unit of `modelId`, as a scan or an owner page names it. */
export async function unitState(scope: BrandScope, modelId: string, unit: { serial?: string | undefined; productionDate?: string | undefined }): Promise<UnitState> {
  const serial = unit.serial ? normaliseSerial(unit.serial) : null;
  const ownership = serial
    ? await scope.db
        .selectFrom('ownerships')
        .select(['id', 'status', 'manufactured_on'])
        .where('brand_id', '=', scope.brandId)
        .where('model_id', '=', modelId)
        .where('serial', '=', serial)
        .orderBy((eb) => eb.case().when('status', '=', 'active').then(0).else(1).end())
        .orderBy('registered_at', 'desc')
        .executeTakeFirst()
    : undefined;
  const manufacturedOn = unit.productionDate ?? ownership?.manufactured_on ?? (serial ? await dateFromSerial(scope, modelId, serial) : null);
  const recalls = await openRecallsFor(scope, modelId, serial, manufacturedOn);
  return { serial, manufacturedOn, recalls, activeOwnershipId: ownership?.status === 'active' ? ownership.id : null };
}

async function dateFromSerial(scope: BrandScope, modelId: string, serial: string): Promise<string | null> {
  const rules = await scope.db.selectFrom('serial_rules').select('mask').where('brand_id', '=', scope.brandId).where('model_id', '=', modelId).orderBy('position').execute();
  for (const rule of rules) {
    const mask = parseSerialMask(rule.mask);
    const date = mask.ok ? manufactureDateFromSerial(serial, mask.tokens) : null;
    if (date) return date;
  }
  return null;
}
