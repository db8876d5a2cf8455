import { describe, expect, it } from 'vitest';
import { verifyAsReceiver } from './webhook-receiver-fixture.ts';
import { newSigningSecret, secretsSigningAt, signatureOf, webhookSignatureHeaders } from './webhook-signature.ts';

describe('webhook signatures (Standard Webhooks)', () => {
  it('matches the test vector of the Standard Webhooks reference library', () => {
    // libraries/javascript/src/webhook.test.ts, "sign function works".
    expect(signatureOf('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('makes secrets of 32 random bytes behind whsec_, a new one each time', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it('signs so that a receiver verifies the call, and not a tampered body, another id or another secret', () => {
    const secret = newSigningSecret();
    const now = new Date('2026-05-01T10:00:00Z');
    const body = '{"journeyId":"j","runId":"r"}';
    const headers = webhookSignatureHeaders({ id: 'call-1', body }, [secret], now);
    expect(headers['webhook-timestamp']).toBe(String(Date.parse('2026-05-01T10:00:00Z') / 1000));
    expect(verifyAsReceiver(secret, headers, body, now)).toBe(true);
    expect(verifyAsReceiver(secret, headers, body.replace('"r"', '"x"'), now)).toBe(false);
    expect(verifyAsReceiver(secret, { ...headers, 'webhook-id': 'call-2' }, body, now)).toBe(false);
    expect(verifyAsReceiver(newSigningSecret(), headers, body, now)).toBe(false);
    // A replay long after the attempt is refused by the receiver's tolerance.
    expect(verifyAsReceiver(secret, headers, body, new Date(now.getTime() + 10 * 60_000))).toBe(false);
  });

  it('signs once per secret, space-separated, so either secret verifies during a rotation', () => {
    const [current, previous] = [newSigningSecret(), newSigningSecret()];
    const now = new Date();
    const headers = webhookSignatureHeaders({ id: 'call-1', body: '{}' }, [current, previous], now);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyAsReceiver(current, headers, '{}', now)).toBe(true);
    expect(verifyAsReceiver(previous, headers, '{}', now)).toBe(true);
  });

  it('keeps the previous secret signing until it expires, and only then', () => {
    const expires = new Date('2026-05-02T10:00:00Z');
    const stored = { secret: 'whsec_new', previousSecret: 'whsec_old', previousExpiresAt: expires };
    expect(secretsSigningAt(stored, new Date('2026-05-02T09:59:59Z'))).toEqual(['whsec_new', 'whsec_old']);
    expect(secretsSigningAt(stored, expires)).toEqual(['whsec_new']);
    expect(secretsSigningAt({ secret: 'whsec_only', previousSecret: null, previousExpiresAt: null }, new Date())).toEqual(['whsec_only']);
  });

  it('refuses an id with a full stop, which would blur the signed content', () => {
    expect(() => webhookSignatureHeaders({ id: 'a.b', body: '{}' }, [newSigningSecret()], new Date())).toThrow(/full stop/);
  });
});
