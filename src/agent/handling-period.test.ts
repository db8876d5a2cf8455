import { describe, expect, it } from 'vitest';
import { ApiError } from '../platform/http/errors.ts';
import { handlingPeriod } from './handling-period.ts';

const now = new Date('2026-03-10T15:00:00Z');

describe('the period handling times are measured over', () => {
  it('is the 30 days up to today when none is given', () => {
    expect(handlingPeriod({}, now)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });

  it('counts 30 days back from a given last day, across a leap day', () => {
    expect(handlingPeriod({ to: '2024-03-15' }, now)).toEqual({ from: '2024-02-15', to: '2024-03-15' });
  });

  it('is what was asked for, one day included', () => {
    expect(handlingPeriod({ from: '2026-01-01', to: '2026-01-31' }, now)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(handlingPeriod({ from: '2026-01-05', to: '2026-01-05' }, now)).toEqual({ from: '2026-01-05', to: '2026-01-05' });
  });

  it('may not end before it starts', () => {
    expect(() => handlingPeriod({ from: '2026-02-01', to: '2026-01-31' }, now)).toThrow(ApiError);
    expect(() => handlingPeriod({ from: '2026-04-01' }, now)).toThrow(/start on or before/);
  });
});
