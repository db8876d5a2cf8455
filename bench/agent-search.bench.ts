/**
 * The support agent's search box and the owner's product page over a large brand: 1,000,000 owners,
 * 2,000,000 ownerships and 100,000 claims by default, seeded with set-based SQL. Each search kind
 * (email, phone, serial, claim number, name) through GET /api/v1/owners?q= is measured beside the bare
 * indexed lookup it builds on, over a pool of the same size, and the signed-in owner's product page
 * (GET /o/:slug/products/:id) beside a bare select of the ownership. Every request picks one of 1,000
 * sampled owners at random, so the load reads many rows rather than one cached one.
 *
 *   node --import tsx bench/agent-search.bench.ts                   # 1,000,000 owners, embedded PostgreSQL
 *   node --import tsx bench/agent-search.bench.ts --owners 100000
 *   BENCH_SECONDS=20 DATABASE_URL=postgres://... node --import tsx bench/agent-search.bench.ts
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { newToken, sha256 } from '../src/access/secrets.ts';
import { type Figures, bare, cannon, connections, printFigures, seconds, startBenchServer } from './bench-harness.ts';
import { freshGtinFor } from './fresh-gtin.ts';

const { values } = parseArgs({ options: { owners: { type: 'string', default: '1000000' } } });
const owners = Number(values.owners);
if (!Number.isInteger(owners) || owners < 1000 || owners > 9_999_999) throw new Error('--owners must be a whole number from 1000 to 9999999');
const sampleSize = 1000;

// Names from parts: 60 first names × 500 surnames gives 30,000 full names, so a full name finds a few
// dozen owners among a million and a surname a couple of thousand, as in a real customer base.
const firstNames = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Donald', 'Margaret', 'Steven', 'Ashley', 'Paul', 'Kimberly', 'Andrew', 'Emily', 'Joshua', 'Donna', 'Kenneth', 'Michelle', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie', 'Jason', 'Rebecca', 'Edward', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia', 'Jacob', 'Amy'];
const surnameStarts = ['Ash', 'Bar', 'Black', 'Brad', 'Cal', 'Craw', 'Dun', 'Ed', 'Fair', 'Gar', 'Hal', 'Hart', 'Kings', 'Lang', 'Mar', 'New', 'Old', 'Pem', 'Ray', 'Ros', 'Stan', 'Thorn', 'Wal', 'West', 'Whit'];
const surnameEnds = ['ford', 'ley', 'ton', 'wood', 'field', 'more', 'well', 'by', 'wick', 'stone', 'brook', 'ham', 'den', 'ridge', 'son', 'croft', 'man', 'worth', 'dale', 'ling'];
const coverage = { covered: true, parts: { covered: true, until: '2027-01-01' }, labour: { covered: true, until: '2026-01-01' }, startsOn: '2025-01-01', basis: 'purchase_date', carePlan: null, excludedBecause: null, reasons: [] };

const server = await startBenchServer();
const { db, brandId, base, headers, slug } = server;
const workDir = await mkdtemp(path.join(os.tmpdir(), 'openox-agent-bench-'));
try {
  const model = await (await fetch(`${base}/api/v1/models`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'Bench washer', sku: 'BW-1', category: 'washers', gtins: [freshGtinFor('agent-bench')], serialRules: [{ mask: 'SN#########' }], warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none' } }),
  })).json() as { id: string };

  console.log(`Seeding ${owners.toLocaleString('en-US')} owners, ${(2 * owners).toLocaleString('en-US')} ownerships and ${(owners / 10).toLocaleString('en-US')} claims into one brand...`);
  const seedStarted = performance.now();
  await sql`insert into owners (brand_id, email, name, phone, country)
    select ${brandId}, 'owner' || i || '@bench.example',
      (${firstNames}::text[])[1 + i % ${firstNames.length}] || ' ' || (${surnameStarts}::text[])[1 + (i / ${firstNames.length}) % ${surnameStarts.length}]
        || (${surnameEnds}::text[])[1 + (i / ${firstNames.length * surnameStarts.length}) % ${surnameEnds.length}],
      '+1212' || lpad(i::text, 7, '0'), 'US'
    from generate_series(1, ${owners}) i`.execute(db);
  const ownersSeconds = (performance.now() - seedStarted) / 1000;
  // Two units per owner; serial 'SN' + unit (1 or 2) + the owner's number in 8 digits.
  await sql`insert into ownerships (brand_id, owner_id, model_id, serial, purchase_date, source, identified_by)
    select ${brandId}, o.id, ${model.id}, 'SN' || k || lpad(substring(o.email from 6 for position('@' in o.email) - 6), 8, '0'),
      date '2025-01-01' + (k * 17) % 365, 'import', 'typed'
    from owners o cross join generate_series(1, 2) k
    where o.brand_id = ${brandId}`.execute(db);
  const ownershipsSeconds = (performance.now() - seedStarted) / 1000 - ownersSeconds;
  // A claim on every tenth owner's first unit.
  await sql`insert into claims (brand_id, number, ownership_id, owner_id, model_id, kind, problem_category, problem_label, description, contact_channels, coverage, source, created_by_type, created_by_label)
    select w.brand_id, 'C-' || (10000 + row_number() over (order by w.id)), w.id, w.owner_id, w.model_id, 'warranty', 'leak', 'Leaks', 'It leaks.', array['email'], ${JSON.stringify(coverage)}::jsonb, 'api', 'api_key', 'bench'
    from ownerships w
    where w.brand_id = ${brandId} and w.serial like 'SN1%0'`.execute(db);
  await sql`insert into claim_number_counters (brand_id, last_number) select ${brandId}, 10000 + count(*) from claims where brand_id = ${brandId}`.execute(db);
  await sql`vacuum (analyze) owners, ownerships, claims`.execute(db);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  console.log(`Seeded in ${seedSeconds.toFixed(1)} s (owners ${ownersSeconds.toFixed(1)} s, ownerships ${ownershipsSeconds.toFixed(1)} s, claims and vacuum ${(seedSeconds - ownersSeconds - ownershipsSeconds).toFixed(1)} s).`);

  // Owners picked at random, with their first unit and (every tenth has one) a claim.
  const sample = (await sql<{ id: string; email: string; phone: string; name: string; ownership_id: string; serial: string }>`
    select o.id, o.email, o.phone, o.name, w.id as ownership_id, w.serial
    from owners o join ownerships w on w.owner_id = o.id and w.serial like 'SN1%'
    where o.brand_id = ${brandId} order by random() limit ${sampleSize}`.execute(db)).rows;
  const claimNumbers = (await sql<{ number: string }>`select number from claims where brand_id = ${brandId} order by random() limit ${sampleSize}`.execute(db)).rows.map((row) => row.number);
  const sessions = sample.map((owner) => ({ owner, token: newToken() }));
  await db.insertInto('owner_sessions').values(sessions.map(({ owner, token }) => ({ brand_id: brandId, owner_id: owner.id, token_hash: sha256(token), expires_at: new Date(Date.now() + 86_400_000) }))).execute();

  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
  const typedPhone = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
  const searches: Record<string, string[]> = {
    email: sample.map((owner) => owner.email),
    phone: sample.map((owner) => typedPhone(owner.phone)),
    serial: sample.map((owner) => owner.serial.toLowerCase()),
    'claim number': claimNumbers.map((number) => number.toLowerCase()),
    name: sample.map((owner) => owner.name),
  };
  const bareLookups: Record<string, () => Promise<unknown>> = {
    email: () => db.selectFrom('owners').select('id').where('brand_id', '=', brandId).where('email', '=', pick(sample).email).execute(),
    phone: () => db.selectFrom('owners').select('id').where('brand_id', '=', brandId).where('phone', '=', pick(sample).phone).execute(),
    serial: () => db.selectFrom('ownerships').select('owner_id').where('brand_id', '=', brandId).where('serial', '=', pick(sample).serial).execute(),
    'claim number': () => db.selectFrom('claims').select('owner_id').where('brand_id', '=', brandId).where('number', '=', pick(claimNumbers)).execute(),
    name: () => sql`select id from owners where name_prefixes(name) @@ to_tsquery('simple', ${pick(sample).name.toLowerCase().split(' ').join(' & ')})`.execute(db),
  };
  const bareNames: Record<string, string> = {
    email: 'owners where (brand_id, email) = ($1, $2)',
    phone: 'owners where (brand_id, phone) = ($1, $2)',
    serial: 'ownerships where (brand_id, serial) = ($1, $2)',
    'claim number': 'claims where (brand_id, number) = ($1, $2)',
    name: 'owners where name_prefixes(name) @@ to_tsquery($1)',
  };

  const requestFile = path.join(workDir, 'requests.json');
  const load = async (name: string, requests: { path: string; headers: Record<string, string> }[], requestHeaders: Record<string, string>, duration = seconds) => {
    await writeFile(requestFile, JSON.stringify(requests));
    // The load runs in a worker thread, which reads the file's name from the environment it inherits.
    process.env.BENCH_REQUESTS_FILE = requestFile;
    return cannon(name, { url: base, headers: requestHeaders, duration, requests: [{ setupRequest: fileURLToPath(new URL('./agent-request.cjs', import.meta.url)) as never }] });
  };

  const searchRequests = (terms: readonly string[]) => terms.map((term) => ({ path: `/api/v1/owners?q=${encodeURIComponent(term)}`, headers: {} }));
  const apiHeaders = { authorization: headers.authorization as string };
  // Warm the server up (JIT, connections, caches) on a mix of every kind before measuring any.
  await load('warm-up', searchRequests(Object.values(searches).flat()), apiHeaders, 3);

  const results: Figures[] = [];
  const pairs: [Figures, Figures][] = [];
  for (const [kind, terms] of Object.entries(searches)) {
    const api = await load(`API  GET /api/v1/owners?q=<${kind}>`, searchRequests(terms), apiHeaders);
    const plain = await bare(`SQL  ${bareNames[kind]}`, async () => void (await (bareLookups[kind] as () => Promise<unknown>)()));
    results.push(api, plain);
    pairs.push([api, plain]);
  }
  const page = await load('PAGE GET /o/:slug/products/:id (owner signed in)', sessions.map(({ owner, token }) => ({ path: `/o/${slug}/products/${owner.ownership_id}`, headers: { cookie: `openox_owner=${token}` } })), {});
  const pagePlain = await bare('SQL  ownerships where (id, owner_id) = ($1, $2)', async () => {
    const { owner } = pick(sessions);
    await db.selectFrom('ownerships').selectAll().where('id', '=', owner.ownership_id).where('owner_id', '=', owner.id).executeTakeFirst();
  });
  results.push(page, pagePlain);
  pairs.push([page, pagePlain]);

  printFigures(
    `OpenOX agent search: ${owners.toLocaleString('en-US')} owners, ${(2 * owners).toLocaleString('en-US')} ownerships, ${(owners / 10).toLocaleString('en-US')} claims in one brand; ${seconds} s per row, ${connections} connections, ${server.where}`,
    results,
  );
  console.log('\nthrough the API (or page) beside its bare lookup:');
  for (const [api, plain] of pairs) {
    console.log(`  ${api.name.padEnd(50)} p50 ${(api.p50 - plain.p50).toFixed(2).padStart(6)} ms more, ${(api.perSecond / plain.perSecond).toFixed(3)} of the throughput`);
  }
  console.log('(a search also authenticates the key, opens a brand-scoped transaction, classifies the term, looks up each meaning through its index, reads the hits\' product counts and says what matched; the page also finds the session, renders the warranty and the product\'s care content)\n');
} finally {
  await rm(workDir, { recursive: true, force: true });
  await server.close();
}
