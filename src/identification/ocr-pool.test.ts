import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderDrawing } from './label-fixtures.ts';
import { type OcrEngine, type OcrPage, OcrPool, pageOf, startTesseract } from './ocr-pool.ts';

/** An engine that answers when told to, so the test decides when each image finishes. */
function controlledEngines() {
  const started: OcrEngine[] = [];
  const pending: { image: Buffer; finish: (page: OcrPage) => void; fail: (error: Error) => void }[] = [];
  let terminated = 0;
  const startEngine = async (): Promise<OcrEngine> => {
    const engine: OcrEngine = {
      recognize: (image) => new Promise((resolve, reject) => pending.push({ image, finish: resolve, fail: reject })),
      terminate: async () => {
        terminated++;
      },
    };
    started.push(engine);
    return engine;
  };
  const page = (text: string): OcrPage => ({ lines: [{ words: [{ text, confidence: 90, bbox: { x0: 0, y0: 0, x1: 1, y1: 1 } }] }], confidence: 90 });
  return { startEngine, started, pending, page, terminated: () => terminated };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the OCR pool', () => {
  it('starts engines only when needed, reuses them, queues within its limit and answers busy beyond it', async () => {
    const engines = controlledEngines();
    const pool = new OcrPool({ workers: 2, queueLimit: 1, idleMs: 60_000, startEngine: engines.startEngine });
    expect(engines.started).toHaveLength(0);

    const first = pool.recognize(Buffer.from('1'));
    const second = pool.recognize(Buffer.from('2'));
    const third = pool.recognize(Buffer.from('3'));
    await settle();
    expect(engines.started).toHaveLength(2);
    expect(pool.load).toEqual({ engines: 2, idle: 0, queued: 1 });
    expect(await pool.recognize(Buffer.from('4'))).toBe('busy');

    engines.pending.shift()?.finish(engines.page('one'));
    expect(await first).toEqual(engines.page('one'));
    await settle();
    // The queued image went to the engine that came free: no third engine.
    expect(engines.started).toHaveLength(2);
    expect(engines.pending.map((job) => job.image.toString())).toEqual(['2', '3']);
    for (const job of engines.pending.splice(0)) job.finish(engines.page(job.image.toString()));
    expect([await second, await third]).toEqual([engines.page('2'), engines.page('3')]);
    await settle();
    expect(pool.load).toEqual({ engines: 2, idle: 2, queued: 0 });
    await pool.close();
    expect(engines.terminated()).toBe(2);
  });

  it('replaces an engine that failed', async () => {
    const engines = controlledEngines();
    const pool = new OcrPool({ workers: 1, queueLimit: 4, idleMs: 60_000, startEngine: engines.startEngine });
    const failing = pool.recognize(Buffer.from('bad'));
    const next = pool.recognize(Buffer.from('good'));
    await settle();
    engines.pending.shift()?.fail(new Error('worker died'));
    await expect(failing).rejects.toThrow('worker died');
    await settle();
    expect(engines.started).toHaveLength(2);
    engines.pending.shift()?.finish(engines.page('good'));
    expect(await next).toEqual(engines.page('good'));
    await pool.close();
  });

  it('stops idle engines after a while and starts one again when needed', async () => {
    const engines = controlledEngines();
    const pool = new OcrPool({ workers: 1, queueLimit: 1, idleMs: 5, startEngine: engines.startEngine });
    const read = pool.recognize(Buffer.from('x'));
    await settle();
    engines.pending.shift()?.finish(engines.page('x'));
    await read;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(pool.load.engines).toBe(0);
    expect(engines.terminated()).toBe(1);
    const again = pool.recognize(Buffer.from('y'));
    await settle();
    expect(engines.started).toHaveLength(2);
    engines.pending.shift()?.finish(engines.page('y'));
    expect(await again).toEqual(engines.page('y'));
    await pool.close();
  });
});

describe("tesseract's result as OCR lines", () => {
  const box = { x0: 10, y0: 20, x1: 110, y1: 50 };
  const character = (text: string, choices: string) =>
    `<span class='ocrx_cinfo' title='x_bboxes 0 0 1 1; x_conf 97'>${text}</span><span class='ocrx_cinfo' id='lstm_choices_1_1_1'>${choices}</span>`;
  const choice = (text: string, confidence: number) => `<span class='ocrx_cinfo' id='choice_1_1_1' title='x_confs ${confidence}'>${text}</span>`;
  const hocr = `<span class='ocrx_word' id='word_1_1' title='bbox 10 20 110 50; x_wconf 80'>${character('0', choice('0', 91))}${character('6', choice('6', 89.6) + choice('0', 41.9))}</span>`;
  const result = (text: string) => ({ blocks: [{ paragraphs: [{ lines: [{ words: [{ text, confidence: 80, bbox: box }] }] }] }], hocr, confidence: 80 });

  it("gives each word the close rivals of its characters, found in the hOCR by the word's box", () => {
    expect(pageOf(result('06')).lines).toEqual([{ words: [{ text: '06', confidence: 80, bbox: box, rivals: [{ at: 1, rival: '0' }] }] }]);
  });

  it('gives no rivals to a word the hOCR characters at its box do not spell', () => {
    expect(pageOf(result('OG')).lines[0]?.words[0]).not.toHaveProperty('rivals');
    expect(pageOf({ ...result('06'), hocr: null }).lines[0]?.words[0]).not.toHaveProperty('rivals');
  });

  it("reads tesseract's per-character choices for every word it finds", async () => {
    const engine = await startTesseract();
    try {
      const label = await renderDrawing({ lines: ['MODEL: WM-3000X', 'S/N: AB12345678'] });
      const crisp = (await engine.recognize(label)).lines.flatMap((line) => line.words);
      expect(crisp.map((word) => word.text)).toContain('AB12345678');
      // Every word found in the hOCR by its box, with its characters: character boxes were asked for.
      for (const word of crisp) expect(word.rivals).toBeInstanceOf(Array);
      // Crisp print: no character of the serial was a close call.
      expect(crisp.find((word) => word.text === 'AB12345678')?.rivals).toEqual([]);
      // Heavy blur leaves some character a close call: the LSTM's choices were asked for.
      const blurred = (await engine.recognize(await sharp(label).blur(3).jpeg().toBuffer())).lines.flatMap((line) => line.words);
      expect(blurred.some((word) => (word.rivals ?? []).length > 0)).toBe(true);
    } finally {
      await engine.terminate();
    }
  });
});
