import type { Db } from '../../platform/database/database.ts';
import { type BrandId, inBrand } from '../../platform/database/tenancy.ts';
import { type RejectionView, rejectionsAfter } from './imports.ts';

/**
 * The rejected lines of an import as a CSV file: the file's own header and lines as they were, with a
 * `reason` column in front. The import ignores a `reason` column, so once the lines are fixed the
 * file can be uploaded as it is. Read a batch at a time, each in its own short transaction, so a
 * download of any size holds neither memory nor a transaction open.
 */
export async function* rejectionsCsv(db: Db, brandId: BrandId, importId: string, header: string, batch = 5000): AsyncGenerator<string> {
  // A file that is itself a fixed download already starts with a reason column: it is replaced, not repeated.
  const again = /^\s*"?reason"?\s*,/i.test(header);
  yield `reason,${again ? withoutFirstField(header) : header}\r\n`;
  for (let after = 0; ; ) {
    const rows = await inBrand(db, brandId, (scope) => rejectionsAfter(scope, importId, after, batch));
    if (rows.length > 0) yield rows.map((row) => rejectionLine(row, again)).join('');
    if (rows.length < batch) return;
    after = (rows.at(-1) as RejectionView).line;
  }
}

function rejectionLine(row: RejectionView, again: boolean): string {
  const reason = `Line ${row.line}: ${row.reason}`;
  return `"${reason.replaceAll('"', '""')}",${again ? withoutFirstField(row.raw) : row.raw}\r\n`;
}

/** A CSV line without its first field (quoted or not) and the comma after it. */
export function withoutFirstField(line: string): string {
  if (!line.startsWith('"')) {
    const comma = line.indexOf(',');
    return comma < 0 ? '' : line.slice(comma + 1);
  }
  for (let at = 1; at < line.length; at++) {
    if (line[at] !== '"') continue;
    if (line[at + 1] === '"') at++; // a doubled quote inside the value
    else return line[at + 1] === ',' ? line.slice(at + 2) : line.slice(at + 1);
  }
  return '';
}
