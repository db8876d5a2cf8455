import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type CsvLine, readCsvLines } from './csv-lines.ts';

async function linesOf(text: string | Readable): Promise<CsvLine[]> {
  const lines: CsvLine[] = [];
  for await (const line of readCsvLines(typeof text === 'string' ? Readable.from([Buffer.from(text)]) : text)) lines.push(line);
  return lines;
}

describe('reading CSV lines', () => {
  it('numbers records by the file line they start on, past blank lines and quoted line breaks', async () => {
    const lines = await linesOf('\uFEFFa,b,c\r\n1,2,3\r\n\r\n4,"x\ny",6\n7,8,9');
    expect(lines.map((l) => [l.kind, l.line, l.kind === 'fields' ? l.fields : null, l.raw])).toEqual([
      ['fields', 1, ['a', 'b', 'c'], 'a,b,c'],
      ['fields', 2, ['1', '2', '3'], '1,2,3'],
      ['fields', 4, ['4', 'x\ny', '6'], '4,"x\ny",6'],
      ['fields', 6, ['7', '8', '9'], '7,8,9'],
    ]);
  });

  it('reports lines csv-parse cannot read, with its reason, and reads on', async () => {
    const lines = await linesOf('a,b,c\n1,2,3\n8,9,10,11\n12,13\n14,15,16\n17,"18\n19,20,21\n');
    expect(lines.map((l) => [l.kind, l.line])).toEqual([
      ['fields', 1],
      ['fields', 2],
      ['malformed', 3],
      ['malformed', 4],
      ['fields', 5],
      ['malformed', 7],
    ]);
    const [more, fewer, unclosed] = lines.filter((l) => l.kind === 'malformed').map((l) => (l.kind === 'malformed' ? l.reason : ''));
    expect(more).toBe('This line is not valid CSV: it has 4 fields but the header has 3; put quotes around values that contain commas, or remove the extra fields');
    expect(fewer).toContain('it has 2 fields but the header has 3; every line needs a field for every column');
    expect(unclosed).toMatch(/^Lines 6 to 7 could not be read as CSV: a quote \(\"\) is out of place/);
    expect(lines[2]?.raw).toBe('8,9,10,11');
  });

  it('keeps a quote inside a value as a character, as spreadsheets do, rather than losing the lines after it', async () => {
    const lines = await linesOf('a,b\nBob "Bobby" Smith,1\n"A"x,2\nok,3\n');
    expect(lines.map((l) => (l.kind === 'fields' ? l.fields : l.reason))).toEqual([['a', 'b'], ['Bob "Bobby" Smith', '1'], ['"A"x', '2'], ['ok', '3']]);
  });

  it('hands out a bad line in its place among good lines parsed after it', async () => {
    const text = `a,b\n${Array.from({ length: 3000 }, (_, i) => (i === 1500 ? '1,2,3' : `${i},x`)).join('\n')}\n`;
    const lines = await linesOf(text);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 3001 }, (_, i) => i + 1));
    expect(lines[1501]).toMatchObject({ kind: 'malformed', line: 1502 });
  });

  it('keeps at most 1 KB of a line', async () => {
    const lines = await linesOf(`a,b\n1,${'x'.repeat(5000)}\n`);
    expect(lines[1]?.raw).toHaveLength(1024);
  });

  it('ends with the error of a source that fails', async () => {
    const failing = new Readable({ read() {} });
    failing.push('a,b\n1,2\n');
    setTimeout(() => failing.destroy(new Error('connection reset')), 10);
    await expect(linesOf(failing)).rejects.toThrow('connection reset');
  });
});
