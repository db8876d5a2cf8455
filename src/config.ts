import path from 'node:path';
import { z } from 'zod';

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  OPENOX_DATA_DIR: z.string().default('./.openox'),
  OPENOX_PUBLIC_URL: z.string().url().optional(),
  OPENOX_DEMO_API_KEY: z.string().min(24).optional(),
  OPENOX_DEMO_PASSWORD: z.string().min(8).default('openox-demo'),
  OPENOX_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENOX_WORKER_CONCURRENCY: z.coerce.number().int().min(1).default(4),
  OPENOX_WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  OPENOX_TRUST_PROXY: z.string().default('loopback'),
  OPENOX_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  OPENOX_MAIL_FROM: z.email().default('no-reply@openox.localhost'),
  OPENOX_OCR_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  OPENOX_SMS_API_URL: z.string().url().default('https://api.twilio.com'),
  OPENOX_SMS_ACCOUNT_SID: z.string().min(1).optional(),
  OPENOX_SMS_AUTH_TOKEN: z.string().min(1).optional(),
  OPENOX_SMS_FROM: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +14155550100').optional(),
});

/** A Twilio-compatible SMS provider's account. */
export interface SmsProviderConfig {
  readonly apiUrl: string;
  readonly accountSid: string;
  /** Also what the provider signs its webhooks (delivery receipts, inbound texts) with. */
  readonly authToken: string;
  readonly from: string;
}

/** Everything OpenOX reads from its environment, parsed once. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absent: OpenOX runs its own embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly publicUrl: string;
  readonly demoApiKey: string | undefined;
  readonly demoPassword: string;
  readonly logLevel: string;
  readonly workerConcurrency: number;
  /** How often each worker says it is alive; one silent for four beats is taken for dead and its jobs go to others. */
  readonly workerHeartbeatSeconds: number;
  /**
   * Which proxies may tell the client's address in X-Forwarded-For (rate limits and consent evidence
   * use it): 'loopback' (default), addresses or CIDRs separated by commas, or 'true' behind a load balancer that sets it.
   */
  readonly trustProxy: boolean | string;
  /** Absent: messages are kept in the outbox (the console shows them) and not sent. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** OCR engines reading photos at once (each ~100 MB and a core while busy). Absent: 1–2 by the cores there are. */
  readonly ocrWorkers: number | undefined;
  /** Absent: texts are kept in the outbox (the console shows them) and not sent. */
  readonly sms: SmsProviderConfig | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`OpenOX cannot start: fix these environment variables:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  const smsValues = [values.OPENOX_SMS_ACCOUNT_SID, values.OPENOX_SMS_AUTH_TOKEN, values.OPENOX_SMS_FROM];
  if (smsValues.some((value) => value !== undefined) && smsValues.some((value) => value === undefined)) {
    throw new Error('OpenOX cannot start: to send texts set all of OPENOX_SMS_ACCOUNT_SID, OPENOX_SMS_AUTH_TOKEN and OPENOX_SMS_FROM (or none of them to keep texts in the outbox).');
  }
  return {
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    dataDir: path.resolve(values.OPENOX_DATA_DIR),
    publicUrl: values.OPENOX_PUBLIC_URL ?? `http://localhost:${values.PORT}`,
    demoApiKey: values.OPENOX_DEMO_API_KEY,
    demoPassword: values.OPENOX_DEMO_PASSWORD,
    logLevel: values.OPENOX_LOG_LEVEL,
    workerConcurrency: values.OPENOX_WORKER_CONCURRENCY,
    workerHeartbeatSeconds: values.OPENOX_WORKER_HEARTBEAT_SECONDS,
    trustProxy: values.OPENOX_TRUST_PROXY === 'true' ? true : values.OPENOX_TRUST_PROXY === 'false' ? false : values.OPENOX_TRUST_PROXY,
    smtpUrl: values.OPENOX_SMTP_URL,
    mailFrom: values.OPENOX_MAIL_FROM,
    ocrWorkers: values.OPENOX_OCR_WORKERS,
    sms: values.OPENOX_SMS_ACCOUNT_SID && values.OPENOX_SMS_AUTH_TOKEN && values.OPENOX_SMS_FROM
      ? { apiUrl: values.OPENOX_SMS_API_URL, accountSid: values.OPENOX_SMS_ACCOUNT_SID, authToken: values.OPENOX_SMS_AUTH_TOKEN, from: values.OPENOX_SMS_FROM }
      : undefined,
  };
}
