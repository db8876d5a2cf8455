// Starts the real OpenOX (the CLI, web and worker in one process) and the system Chromium for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { type TestMailbox, startTestMailbox } from '../test/smtp.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface RunningOpenox {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `openox start` on the test database and a free port, ready to serve. */
export async function startOpenox(env: Record<string, string> = {}): Promise<RunningOpenox> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  let output = '';
  const server: ChildProcess = spawn(process.execPath, ['bin/openox.js', 'start'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: inject('databaseUrl'), PORT: String(port), OPENOX_PUBLIC_URL: baseUrl, OPENOX_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited early:\n${output}`);
    if (Date.now() - started > 90_000) throw new Error(`The server did not become ready:\n${output}`);
    const ready = await fetch(`${baseUrl}/readyz`).then((response) => response.status === 200, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    baseUrl,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    },
  };
}

/** The machine's Chromium (never a downloaded one), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A mid-range phone, for owner pages. */
export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-US' } as const;

export interface OwnerJourneyRig {
  readonly openox: RunningOpenox;
  readonly mailbox: TestMailbox;
  readonly browser: Browser;
}

/**
 * OpenOX sending its email to a local SMTP mailbox, and Chromium, started before the file's tests and
 * stopped after them. Call at the top of a test file; the answer gives them to a test.
 */
export function ownerJourneyRig(): () => OwnerJourneyRig {
  let rig: Partial<{ -readonly [K in keyof OwnerJourneyRig]: OwnerJourneyRig[K] }> = {};
  beforeAll(async () => {
    const mailbox = await startTestMailbox();
    rig = { mailbox, openox: await startOpenox({ OPENOX_SMTP_URL: mailbox.url }), browser: await launchChromium() };
  }, 120_000);
  afterAll(async () => {
    await rig.browser?.close();
    await rig.openox?.stop();
    await rig.mailbox?.close();
  }, 60_000);
  return () => {
    if (!rig.openox || !rig.mailbox || !rig.browser) throw new Error('OpenOX, the mailbox or Chromium did not start.');
    return rig as OwnerJourneyRig;
  };
}
