// Test set-up for segments: a brand whose owners and products cover the facts conditions ask about
// (consent histories, attributes of every JSON type, transfers, care plans, delivery law, proof
// rules, claims, safety-only registrations), seeded straight into the tables.
import { makeBrand, type TestBrand } from '../../test/harness.ts';
import { addDaysTo, todayUtc } from '../platform/calendar.ts';
import type { Db } from '../platform/database/database.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import { monthsAfter } from '../warranty/entitlement.ts';

export interface SegmentWorld {
  readonly brand: TestBrand;
  readonly models: { readonly kettle: string; readonly dryer: string; readonly fridge: string };
  /** Ownership ids by name (see the seeding below). */
  readonly products: Readonly<Record<string, string>>;
  /** Owner ids by name. */
  readonly owners: Readonly<Record<string, string>>;
}

const ago = (days: number) => addDaysTo(todayUtc(), -days);

export async function segmentWorld(db: Db): Promise<SegmentWorld> {
  const brand = await makeBrand(db, 'Segments Brand');
  return inBrand(db, brand.brandId, async (scope) => {
    const model = (name: string, sku: string, category: string, terms: { parts: number; labour: number; startsAt: string; proof: string; transferable: boolean }) =>
      scope.db
        .insertInto('models')
        .values({ brand_id: scope.brandId, name, sku, category, warranty_parts_months: terms.parts, warranty_labour_months: terms.labour, warranty_starts_at: terms.startsAt, proof_required: terms.proof, warranty_transferable: terms.transferable } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((row) => row.id);
    const models = {
      kettle: await model('Uno Kettle', 'KT-1', 'Kettles', { parts: 24, labour: 12, startsAt: 'purchase', proof: 'none', transferable: true }),
      dryer: await model('Dry 2', 'DR-2', 'dryers', { parts: 12, labour: 12, startsAt: 'delivery', proof: 'receipt', transferable: false }),
      fridge: await model('Cool 3', 'fr-3', 'fridges', { parts: 0, labour: 0, startsAt: 'registration', proof: 'none', transferable: true }),
    };

    const owners: Record<string, string> = {};
    const owner = async (name: string, fields: { country?: string | null; language?: string; safetyOnly?: boolean; attributes?: Record<string, unknown> } = {}) => {
      const row = await scope.db
        .insertInto('owners')
        .values({
          brand_id: scope.brandId,
          email: `${name.toLowerCase()}-${scope.brandId.slice(0, 8)}@example.com`,
          name: `Owner ${name}`,
          country: fields.country === undefined ? 'US' : fields.country,
          language: fields.language ?? 'en',
          safety_only: fields.safetyOnly ?? false,
          attributes: JSON.stringify(fields.attributes ?? {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      owners[name] = row.id;
      return row.id;
    };
    await owner('A', { attributes: { vip: true, tier: 'Gold', score: 7, tags: ['a', 'B'], nested: { level: 2 }, nothing: null } });
    await owner('B', { country: null, language: 'es', attributes: { tier: 'silver', score: '7' } });
    await owner('C', { country: 'CA', attributes: { vip: false, score: 12.5 } });
    await owner('D');
    await owner('E', { safetyOnly: true, attributes: { vip: true } });
    await owner('F', { country: 'MX' });
    await owner('G', { country: 'MX', language: 'fr' });
    await owner('H');
    await owner('I');

    const products: Record<string, string> = {};
    const product = async (name: string, ownerName: string, modelId: string, fields: Partial<{
      purchaseDate: string | null; deliveredOn: string; registeredDaysAgo: number; manufacturedOn: string; proofStatus: string; retailer: string; source: string;
      stage: string; status: string; safetyOnly: boolean; country: string; postalCode: string; transferredFrom: string;
    }> = {}) => {
      const row = await scope.db
        .insertInto('ownerships')
        .values({
          brand_id: scope.brandId,
          owner_id: owners[ownerName] as string,
          model_id: modelId,
          serial: `SN-${name}-${scope.brandId.slice(0, 6)}`,
          purchase_date: fields.purchaseDate === undefined ? ago(40) : fields.purchaseDate,
          delivered_on: fields.deliveredOn ?? null,
          registered_at: new Date(Date.now() - (fields.registeredDaysAgo ?? 30) * 86_400_000),
          manufactured_on: fields.manufacturedOn ?? null,
          proof_status: (fields.proofStatus ?? 'none') as never,
          retailer: fields.retailer ?? null,
          source: (fields.source ?? 'web') as never,
          stage: (fields.stage ?? 'onboarding') as never,
          status: (fields.status ?? 'active') as never,
          safety_only: fields.safetyOnly ?? false,
          country: fields.country ?? null,
          postal_code: fields.postalCode ?? null,
          transferred_from_id: fields.transferredFrom ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      products[name] = row.id;
      return row.id;
    };
    await product('A1', 'A', models.kettle, { purchaseDate: ago(40), retailer: 'Best Buy', stage: 'onboarding' });
    // Delivered after the purchase; the dryer's terms start coverage on delivery.
    await product('A2', 'A', models.dryer, { purchaseDate: ago(400), deliveredOn: ago(300), proofStatus: 'submitted', stage: 'enjoying', source: 'qr' });
    await product('A3', 'A', models.fridge, { purchaseDate: null, registeredDaysAgo: 5, stage: 'enjoying' });
    // Parts ran out about 70 days ago; a care plan starting the next day carries coverage on.
    await product('B1', 'B', models.kettle, { purchaseDate: ago(800), retailer: 'best buy', stage: 'caring', source: 'api' });
    // D bought a kettle and passed it on to C; D also has a dryer with a rejected receipt.
    await product('D0', 'D', models.kettle, { purchaseDate: ago(200), status: 'transferred' });
    await product('C1', 'C', models.kettle, { purchaseDate: null, registeredDaysAgo: 20, transferredFrom: products.D0 as string, stage: 'sharing' });
    await product('C2', 'C', models.fridge, { status: 'retired' });
    await product('D1', 'D', models.dryer, { purchaseDate: ago(100), manufacturedOn: ago(730), proofStatus: 'rejected', country: 'US', postalCode: '94103' });
    await product('E1', 'E', models.kettle, {});
    await product('F1', 'F', models.dryer, { safetyOnly: true });
    await product('F2', 'F', models.kettle, { purchaseDate: ago(2) });
    // No purchase date: the warranty counts from manufacture plus the grace months.
    await product('G1', 'G', models.kettle, { purchaseDate: null, registeredDaysAgo: 10, manufacturedOn: ago(1100) });
    // A receipt is required and missing: the earlier, unproven purchase date counts.
    await product('H1', 'H', models.dryer, { purchaseDate: ago(500), registeredDaysAgo: 30 });
    // Delivered in California after the purchase: the law starts coverage on delivery.
    await product('I1', 'I', models.kettle, { purchaseDate: ago(750), deliveredOn: ago(700), country: 'US', postalCode: ' 90210-1234' });

    const plan = (ownership: string, covers: string, startsOn: string, endsOn: string, extra: { transferable?: boolean; cancelled?: boolean } = {}) =>
      scope.db
        .insertInto('care_plans')
        .values({
          brand_id: scope.brandId, ownership_id: products[ownership] as string, name: `Plan ${ownership} ${covers}`, covers: covers as never, starts_on: startsOn, ends_on: endsOn,
          transferable: extra.transferable ?? true, created_by: 'test', cancelled_at: extra.cancelled ? new Date() : null,
        })
        .execute();
    await plan('B1', 'parts_and_labour', addDaysTo(monthsAfter(ago(800), 24), 1), ago(-400));
    await plan('D0', 'parts', ago(10), ago(-10), { transferable: false });
    await plan('D0', 'labour', ago(300), ago(-900));
    await plan('H1', 'labour', ago(20), ago(-45));
    await plan('H1', 'parts_and_labour', ago(20), ago(-500), { cancelled: true });
    await plan('A1', 'parts', ago(-100), ago(-800));

    const consent = (ownerName: string, channel: 'email' | 'sms', granted: boolean, at: Date) =>
      scope.db
        .insertInto('consent_records')
        .values({ brand_id: scope.brandId, owner_id: owners[ownerName] as string, channel, granted, wording: 'Yes, tell me', wording_version: 'v1', language: 'en', source: 'api', recorded_at: at })
        .execute();
    await consent('A', 'email', true, new Date(Date.now() - 5 * 86_400_000));
    await consent('A', 'email', false, new Date(Date.now() - 86_400_000));
    await consent('A', 'sms', true, new Date(Date.now() - 86_400_000));
    await consent('C', 'email', true, new Date(Date.now() - 86_400_000));
    await consent('F', 'email', false, new Date(Date.now() - 3 * 86_400_000));
    await consent('F', 'email', true, new Date(Date.now() - 2 * 86_400_000));

    let number = 0;
    const claim = (ownership: string, ownerName: string, modelId: string, status: string) =>
      scope.db
        .insertInto('claims')
        .values({
          brand_id: scope.brandId, number: `C-${++number}`, ownership_id: products[ownership] as string, owner_id: owners[ownerName] as string, model_id: modelId, kind: 'warranty',
          problem_category: 'other', problem_label: 'Other', description: 'It stopped', contact_channels: ['email'], status, coverage: '{}', source: 'api', created_by_type: 'system', created_by_label: 'test',
          ...(status === 'denied' ? { denial_reason: 'Out of warranty' } : {}),
        } as never)
        .execute();
    await claim('B1', 'B', models.kettle, 'submitted');
    await claim('A1', 'A', models.kettle, 'closed');
    await claim('C1', 'C', models.kettle, 'in_review');
    await claim('D0', 'D', models.kettle, 'needs_info');

    // A's kettle and D's dryer are reviewed (one review since removed, which still counts as written).
    const review = (ownership: string, ownerName: string, modelId: string, status: 'published' | 'removed') =>
      scope.db
        .insertInto('reviews')
        .values({
          brand_id: scope.brandId, ownership_id: products[ownership] as string, owner_id: owners[ownerName] as string, model_id: modelId, rating: 2, body: 'It is fine.',
          language: 'en', author_name: 'Ana T.', verified_owner: true, status, ...(status === 'removed' ? { removed_reason: 'spam', removed_at: new Date(), removed_by: 'test' } : {}),
        })
        .execute();
    await review('A1', 'A', models.kettle, 'published');
    await review('D1', 'D', models.dryer, 'removed');

    return { brand, models, products, owners };
  });
}

