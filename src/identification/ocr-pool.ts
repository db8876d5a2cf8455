import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { OEM, PSM, type Word, createWorker } from 'tesseract.js';
import { boxKey, closeRivals, symbolsByWordBox } from './reading/ocr-choices.ts';
import type { OcrLine, OcrWord } from './reading/ocr-text.ts';

/** What OCR read on one image. */
export interface OcrPage {
  readonly lines: readonly OcrLine[];
  /** Tesseract's mean confidence over the page, 0–100. */
  readonly confidence: number;
}

/** One OCR engine: a tesseract worker, or a stand-in in tests. */
export interface OcrEngine {
  recognize(image: Buffer): Promise<OcrPage>;
  terminate(): Promise<void>;
}

export interface OcrPoolOptions {
  /** Engines running at once; each holds ~100 MB and one core while it reads. */
  readonly workers: number;
  /** Images waiting for an engine; beyond it a request is answered 'busy' at once. */
  readonly queueLimit: number;
  /** An engine idle this long is stopped, giving its memory back; the next image starts one again. */
  readonly idleMs: number;
  readonly startEngine: () => Promise<OcrEngine>;
}

interface Job {
  readonly image: Buffer;
  readonly resolve: (page: OcrPage) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A fixed number of OCR engines, started when first needed and reused, with a bounded queue in
 * front: a burst of uploads waits its turn or is told 'busy', and memory stays bounded.
 */
export class OcrPool {
  readonly #options: OcrPoolOptions;
  readonly #idle: OcrEngine[] = [];
  readonly #queue: Job[] = [];
  #started = 0;
  #idleTimer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: OcrPoolOptions) {
    this.#options = options;
  }

  /** Reads an image, or answers 'busy' when every engine is working and the queue is full. */
  recognize(image: Buffer): Promise<OcrPage | 'busy'> {
    if (this.#closed) return Promise.reject(new Error('The OCR pool is closed.'));
    return new Promise<OcrPage | 'busy'>((resolve, reject) => {
      const job: Job = { image, resolve, reject };
      const engine = this.#idle.pop();
      if (engine) return this.#run(engine, job);
      if (this.#started < this.#options.workers) return this.#startFor(job);
      if (this.#queue.length >= this.#options.queueLimit) return resolve('busy');
      this.#queue.push(job);
    });
  }

  /** How loaded the pool is, for health and benchmarks. */
  get load(): { readonly engines: number; readonly idle: number; readonly queued: number } {
    return { engines: this.#started, idle: this.#idle.length, queued: this.#queue.length };
  }

  /** Stops every engine; waiting images fail. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    for (const job of this.#queue.splice(0)) job.reject(new Error('The OCR pool was closed.'));
    const engines = this.#idle.splice(0);
    this.#started -= engines.length;
    await Promise.all(engines.map((engine) => engine.terminate().catch(() => undefined)));
  }

  #startFor(job: Job): void {
    this.#started++;
    this.#options.startEngine().then(
      (engine) => this.#run(engine, job),
      (error: unknown) => {
        this.#started--;
        job.reject(error);
      },
    );
  }

  #run(engine: OcrEngine, job: Job): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    engine.recognize(job.image).then(
      (page) => {
        job.resolve(page);
        this.#release(engine);
      },
      (error: unknown) => {
        job.reject(error);
        // An engine that failed may be broken: replace it rather than reuse it.
        this.#started--;
        void engine.terminate().catch(() => undefined);
        const next = this.#queue.shift();
        if (next) this.#startFor(next);
      },
    );
  }

  #release(engine: OcrEngine): void {
    if (this.#closed) {
      this.#started--;
      void engine.terminate().catch(() => undefined);
      return;
    }
    const next = this.#queue.shift();
    if (next) return this.#run(engine, next);
    this.#idle.push(engine);
    if (this.#idle.length === this.#started) {
      this.#idleTimer = setTimeout(() => void this.#stopIdle(), this.#options.idleMs);
      this.#idleTimer.unref();
    }
  }

  async #stopIdle(): Promise<void> {
    const engines = this.#idle.splice(0);
    this.#started -= engines.length;
    await Promise.all(engines.map((engine) => engine.terminate().catch(() => undefined)));
  }
}

/** The longest one image may take to read before its worker is stopped. */
export const ocrTimeoutMs = 8000;

/**
 * A tesseract.js worker reading English with the LSTM model shipped in @tesseract.js-data/eng. The
 * language data path is given explicitly: without it tesseract.js downloads from a CDN, and offline
 * that failure takes the process down.
 */
export async function startTesseract(): Promise<OcrEngine> {
  const dataDir = path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json'));
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: path.join(dataDir, '4.0.0_best_int'),
    gzip: true,
    cacheMethod: 'none',
    errorHandler: () => undefined,
  });
  // Labels are scattered fields, not paragraphs: sparse text finds them in any layout. The LSTM's
  // other choices for each character (only hOCR with character boxes carries them) tell a word whose
  // one character was a coin toss, which its word confidence does not.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, user_defined_dpi: '300', lstm_choice_mode: '2', hocr_char_boxes: '1' });
  return {
    async recognize(image) {
      let timer: NodeJS.Timeout | undefined;
      // A pathological image can keep tesseract busy for minutes: give up, and let the pool replace the worker.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`OCR took longer than ${ocrTimeoutMs} ms`)), ocrTimeoutMs);
      });
      const { data } = await Promise.race([worker.recognize(image, {}, { blocks: true, hocr: true, text: false }), timeout]).finally(() => clearTimeout(timer));
      return pageOf(data);
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

/** The parts of tesseract.js's result OCR lines are made of. */
export interface TesseractResult {
  readonly blocks: readonly { readonly paragraphs: readonly { readonly lines: readonly { readonly words: readonly Pick<Word, 'text' | 'confidence' | 'bbox'>[] }[] }[] }[] | null;
  readonly hocr: string | null;
  readonly confidence: number;
}

/**
 * Tesseract's result as OCR lines: words from its JSON blocks, each with the characters that had a
 * close rival, found in its hOCR by the word's box (a word whose characters cannot be found there, or
 * do not spell it, gets none).
 */
export function pageOf(data: TesseractResult): OcrPage {
  const symbols = symbolsByWordBox(data.hocr ?? '');
  const lines = (data.blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines)).map((line) => ({
    words: line.words.filter((word) => word.text.trim() !== '').map((word): OcrWord => {
      const characters = symbols.get(boxKey(word.bbox));
      const spelled = characters !== undefined && characters.map((symbol) => symbol.text).join('') === word.text;
      return { text: word.text, confidence: word.confidence, bbox: word.bbox, ...(spelled ? { rivals: closeRivals(characters) } : {}) };
    }),
  }));
  return { lines: lines.filter((line) => line.words.length > 0), confidence: data.confidence };
}

const defaultWorkers = Math.max(1, Math.min(2, availableParallelism() - 1));
let shared: OcrPool | null = null;
let sharedOptions: Partial<Omit<OcrPoolOptions, 'startEngine'>> = {};

/** Sets the shared pool's size (before its first use, or it is replaced once idle engines are stopped). */
export function configureOcrPool(options: Partial<Omit<OcrPoolOptions, 'startEngine'>>): void {
  sharedOptions = options;
  const previous = shared;
  shared = null;
  void previous?.close();
}

/** The process's OCR pool (workers: 1–2 by the cores there are; `configureOcrPool` changes it). */
export function ocrPool(): OcrPool {
  shared ??= new OcrPool({ workers: defaultWorkers, queueLimit: 8, idleMs: 5 * 60_000, ...sharedOptions, startEngine: startTesseract });
  return shared;
}

/** Stops the shared pool's engines (server shutdown, end of a test file). */
export async function closeOcrPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
