import { describe, expect, it } from 'vitest';
import { claimSla } from './claim-sla.ts';

const at = (iso: string) => new Date(iso);
const filed = at('2026-03-02T09:00:00Z');

describe('claim service levels', () => {
  it('counts an open claim up to now, with no response or resolution yet', () => {
    expect(claimSla({ createdAt: filed, statusChangedAt: filed, firstResponseAt: null, resolvedAt: null, closedAt: null }, at('2026-03-03T10:30:00Z'))).toEqual({
      ageSeconds: 25.5 * 3600,
      timeInStatusSeconds: 25.5 * 3600,
      firstResponseSeconds: null,
      resolutionSeconds: null,
    });
  });

  it('measures time in the current status from its last change, and the first response from filing', () => {
    const sla = claimSla(
      { createdAt: filed, statusChangedAt: at('2026-03-04T09:00:00Z'), firstResponseAt: at('2026-03-02T11:15:00Z'), resolvedAt: null, closedAt: null },
      at('2026-03-05T09:00:00Z'),
    );
    expect(sla).toMatchObject({ ageSeconds: 3 * 86_400, timeInStatusSeconds: 86_400, firstResponseSeconds: 2.25 * 3600 });
  });

  it('stops the clocks when the claim is closed', () => {
    const closedAt = at('2026-03-12T09:00:00Z');
    const sla = claimSla({ createdAt: filed, statusChangedAt: closedAt, firstResponseAt: at('2026-03-02T10:00:00Z'), resolvedAt: at('2026-03-10T09:00:00Z'), closedAt }, at('2027-01-01T00:00:00Z'));
    expect(sla).toEqual({ ageSeconds: 10 * 86_400, timeInStatusSeconds: 0, firstResponseSeconds: 3600, resolutionSeconds: 8 * 86_400 });
  });

  it('never reports a negative figure when the clocks disagree slightly', () => {
    expect(claimSla({ createdAt: filed, statusChangedAt: filed, firstResponseAt: null, resolvedAt: null, closedAt: null }, at('2026-03-02T08:59:59Z'))).toMatchObject({
      ageSeconds: 0,
      timeInStatusSeconds: 0,
    });
  });
});
