import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../../access/principal.ts';
import type { Db } from '../../platform/database/database.ts';
import { asBrandId, inBrand } from '../../platform/database/tenancy.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { type ImportView, rejectionsAfter } from './imports.ts';
import { importRegistrations } from './run.ts';

const importUsage = 'import <file.csv> --brand <slug> [--consent-wording "..."]';

/**
 * `openox import <file.csv> --brand <slug> [--consent-wording "..."]`: imports the file for the brand,
 * printing progress as it goes and a summary with the first rejected lines. Exits 1 when the import
 * fails or cannot start, 2 when the command is given wrongly.
 */
export async function importCommand(db: Db, args: readonly string[], publicUrl: string, print = console.log): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { brand: { type: 'string' }, 'consent-wording': { type: 'string' } } });
  } catch (error) {
    print(`${(error as Error).message}\nUsage: openox ${importUsage}`);
    return 2;
  }
  const file = parsed.positionals[0];
  const slug = parsed.values.brand;
  if (!file || !slug || parsed.positionals.length > 1) {
    print(`Usage: openox ${importUsage}`);
    return 2;
  }
  if (!(await access(file).then(() => true, () => false))) {
    print(`There is no file ${file}.`);
    return 2;
  }
  // Which brand a slug names is asked before any brand is in scope, as sign-in does.
  const brand = await db.selectFrom('brands').select(['id', 'name']).where('slug', '=', slug).executeTakeFirst();
  if (!brand) {
    print(`There is no brand with the slug "${slug}".`);
    return 2;
  }
  const brandId = asBrandId(brand.id);
  const actor: Actor = { type: 'system', id: null, label: `openox import (${os.userInfo().username}@${os.hostname()})`, requestId: null };

  const started = Date.now();
  let lastPrinted = 0;
  const showProgress = (view: ImportView) => {
    if (Date.now() - lastPrinted < 1000) return;
    lastPrinted = Date.now();
    const perSecond = Math.round(view.rowsReceived / Math.max(0.001, (Date.now() - started) / 1000));
    print(`  ${count(view.rowsReceived)} lines read: ${count(view.rowsImported)} imported, ${count(view.rowsRejected)} rejected, ${count(view.rowsAlreadyRegistered)} already registered (${count(perSecond)} lines/s)`);
  };
  let view: ImportView;
  try {
    view = await importRegistrations(db, brandId, {
      csv: createReadStream(file, { highWaterMark: 1024 * 1024 }),
      fileName: path.basename(file),
      consentWording: parsed.values['consent-wording'] ?? null,
      actor,
      onStarted: (importView) => print(`Importing ${file} for ${brand.name} as import ${importView.id}`),
      onProgress: showProgress,
      describeFailure: (error) => `the file could not be read (${(error as Error).message})`,
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    print(error.message.replace(/^file: /, '').replace(/^consentWording: /, 'consent wording (--consent-wording): '));
    return 1;
  }

  const seconds = (Date.now() - started) / 1000;
  print(
    `\nDone in ${seconds.toFixed(1)} s: ${count(view.rowsReceived)} lines, ${count(view.rowsImported)} imported, ` +
      `${count(view.rowsAlreadyRegistered)} already registered, ${count(view.rowsRejected)} rejected.`,
  );
  if (view.rowsRejected > 0) {
    const shown = await inBrand(db, brandId, (scope) => rejectionsAfter(scope, view.id, 0, 20));
    print(`\nRejected lines${view.rowsRejected > shown.length ? ` (the first ${shown.length})` : ''}:`);
    for (const rejection of shown) print(`  line ${rejection.line}: ${rejection.reason}`);
    print(`\nAll of them, and a CSV of the rejected lines to fix and import again: ${publicUrl}/console/imports/${view.id}`);
  }
  return 0;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
