import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The real CLI on its embedded defaults: first start, restart after SIGKILL, graceful stop. */
const root = path.resolve(import.meta.dirname, '..');
let dataDir: string;
let port: number;

interface Running {
  readonly child: ChildProcess;
  output: string;
  readonly exited: Promise<number | null>;
}

function openox(args: string[]): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENOX_DATA_DIR: dataDir, PORT: String(port), OPENOX_LOG_LEVEL: 'info' };
  delete env.DATABASE_URL; // this test is about the embedded database
  const child = spawn(process.execPath, ['bin/openox.js', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const running: Running = { child, output: '', exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  child.stdout?.on('data', (chunk) => (running.output += chunk));
  child.stderr?.on('data', (chunk) => (running.output += chunk));
  return running;
}

async function untilReady(running: Running): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`openox exited early:\n${running.output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`openox did not become ready:\n${running.output}`);
}

function postgresPid(): number {
  return Number.parseInt(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'openox-cli-'));
  port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('openox CLI on the embedded database', () => {
  let apiKey = '';

  it('starts from nothing: database, migrations, demo brand, and prints where to go', async () => {
    const first = openox(['start']);
    try {
      await untilReady(first);
      expect(first.output).toContain('Demo brand "Acme Home" created.');
      expect(first.output).toContain('admin@demo.openox.test');
      expect(first.output).toContain(`http://localhost:${port}/console/`);
      expect(first.output).toContain(`http://localhost:${port}/docs`);
      apiKey = /API key \(shown once\): (oxk_\S+)/.exec(first.output)?.[1] ?? '';
      const models = await fetch(`http://127.0.0.1:${port}/api/v1/models`, { headers: { authorization: `Bearer ${apiKey}` } });
      expect((await models.json()).data.map((m: { sku: string }) => m.sku).sort()).toEqual(['CM-200', 'CR-100', 'DW-500']);
      const postgresPort = readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3];
      expect(Number(postgresPort)).toBeGreaterThan(0);
      expect(Number(postgresPort)).not.toBe(5432);
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
    }
  });

  it('recovers after being killed: stops the leftover database, says so, and keeps the data', async () => {
    const leftover = postgresPid();
    expect(isAlive(leftover)).toBe(true); // SIGKILL gave the Node process no chance to stop it

    const second = openox(['start']);
    try {
      await untilReady(second);
      expect(second.output).toContain('found a PostgreSQL server left running by an earlier OpenOX process');
      expect(second.output).toContain('stopped the leftover PostgreSQL server');
      expect(second.output).not.toContain('Demo brand "Acme Home" created.');
      expect(isAlive(leftover)).toBe(false);
      const models = await fetch(`http://127.0.0.1:${port}/api/v1/models`, { headers: { authorization: `Bearer ${apiKey}` } });
      expect(models.status).toBe(200);
      expect(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json())).toEqual({ status: 'ok' });
    } finally {
      second.child.kill('SIGTERM');
    }
    const running = postgresPid();
    expect(await second.exited).toBe(0);
    expect(second.output).toContain('shutting down gracefully');
    expect(isAlive(running)).toBe(false);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('migrate applies nothing new on an up-to-date database and exits', async () => {
    const migrate = openox(['migrate']);
    expect(await migrate.exited).toBe(0);
    expect(migrate.output).not.toContain('migrations applied');
  });

  it('demo --reset makes the demo brand anew with a new key', async () => {
    const demo = openox(['demo', '--reset']);
    expect(await demo.exited).toBe(0);
    expect(demo.output).toContain('Demo brand "Acme Home" recreated.');
    expect(/API key \(shown once\): (oxk_\S+)/.exec(demo.output)?.[1]).not.toBe(apiKey);
  });

  it('an unknown command prints the usage and exits with 2', async () => {
    const wrong = openox(['serve']);
    expect(await wrong.exited).toBe(2);
    expect(wrong.output).toContain('Unknown command "serve"');
    expect(wrong.output).toContain('start    web server and job worker');
  });
});
