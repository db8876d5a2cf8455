import type { Db } from '../../platform/database/database.ts';
import type { BrandId } from '../../platform/database/tenancy.ts';
import { type ImportRecord, type ImportTarget, applyChunk } from './apply.ts';
import { ImportChunk } from './chunk.ts';
import { refreshStatistics } from './imports.ts';
import type { ImportRow } from './row.ts';

/**
 * Where checked lines wait to be written: in lanes that the database writes side by side, one
 * transaction per lane and chunk, while the next chunk is read. Lines of one owner email always share
 * a lane, so lanes never contend for an owner, and a lane writes its chunks in file order, so of two
 * lines for the same unit and email the first is the one imported. Every chunk moves its lane's
 * progress to the last line read, which makes "every line up to the least lane's progress" exact.
 */
export class ImportLanes {
  private chunks: ImportChunk[];
  private inFlight: Promise<ImportRecord>[] = [];
  private lastLine: number;
  private analyzedAt = 0;
  /** Lines taken since the last flush. */
  pending = 0;

  constructor(
    private readonly db: Db,
    private readonly brandId: BrandId,
    private readonly target: ImportTarget,
    readonly lanes: number,
    afterLine: number,
    private readonly onWritten: (record: ImportRecord) => void,
  ) {
    this.lastLine = afterLine;
    this.chunks = this.emptyChunks();
  }

  add(line: number, row: ImportRow, raw: string): void {
    this.chunkFor(laneOfEmail(row.email, this.lanes)).add(line, row, raw);
    this.took(line);
  }

  reject(line: number, reason: string, raw: string): void {
    this.chunkFor(line % this.lanes).reject(line, reason, raw);
    this.took(line);
  }

  /** Waits for the chunks being written, then starts writing these; reading can go on meanwhile. */
  async flush(): Promise<void> {
    await this.written();
    const chunks = this.chunks;
    this.chunks = this.emptyChunks();
    this.pending = 0;
    this.inFlight = chunks.map((chunk, lane) => {
      chunk.throughLine = this.lastLine;
      return this.write(chunk, lane);
    });
    for (const writing of this.inFlight) writing.catch(() => {}); // thrown by written()
  }

  /** Every chunk started so far is written; throws the first failure, once all have settled. */
  async written(): Promise<ImportRecord | undefined> {
    const results = await Promise.allSettled(this.inFlight);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    return results.map((result) => (result as PromiseFulfilledResult<ImportRecord>).value).at(-1);
  }

  private async write(chunk: ImportChunk, lane: number): Promise<ImportRecord> {
    const record = await applyChunk(this.db, this.brandId, this.target, chunk, lane);
    this.onWritten(record);
    // PostgreSQL's advice after a bulk load: its statistics would still describe the brand as it was
    // before the import, and plan the next chunk's lookups as if the brand were tiny (scanning all of
    // its rows for every line). Refreshed after the first chunk, and again each time the import has
    // written ten times as much: twice for a million lines.
    if (lane === 0 && record.rows_imported > 0 && record.rows_imported >= 10 * this.analyzedAt) {
      this.analyzedAt = record.rows_imported;
      await refreshStatistics(this.db);
    }
    return record;
  }

  private took(line: number): void {
    this.lastLine = Math.max(this.lastLine, line);
    this.pending++;
  }

  private chunkFor(lane: number): ImportChunk {
    return this.chunks[lane] as ImportChunk;
  }

  private emptyChunks(): ImportChunk[] {
    return Array.from({ length: this.lanes }, () => new ImportChunk(this.lastLine));
  }
}

/** FNV-1a: a cheap, stable spread of emails over the lanes. */
export function laneOfEmail(email: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < email.length; i++) hash = Math.imul(hash ^ email.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % lanes;
}
