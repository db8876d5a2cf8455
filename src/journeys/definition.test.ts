import { describe, expect, it } from 'vitest';
import { journeyDefinitionSchema } from './definition.ts';

const trigger = { kind: 'event', event: 'ownership.registered' };
const issues = (definition: unknown) => {
  const result = journeyDefinitionSchema.safeParse(definition);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('journeyDefinitionSchema', () => {
  it('accepts a welcome series and fills its defaults', () => {
    const parsed = journeyDefinitionSchema.parse({
      trigger,
      steps: [
        { id: 'welcome', type: 'send', channel: 'email', template: 'welcome', next: 'wait' },
        { id: 'wait', type: 'wait', duration: { days: 3 }, next: 'tips' },
        { id: 'tips', type: 'send', channel: 'email', template: 'quick-start-tips' },
      ],
    });
    expect(parsed.trigger).toEqual({ kind: 'event', event: 'ownership.registered', entry: 'per_ownership' });
    expect(parsed.conditions).toBeNull();
  });

  it.each([
    ['a link to a missing step', [{ id: 'a', type: 'wait', duration: { days: 1 }, next: 'b' }], 'leads to "b", which is not a step'],
    ['a loop', [{ id: 'a', type: 'wait', duration: { days: 1 }, next: 'b' }, { id: 'b', type: 'wait', duration: { days: 1 }, next: 'a' }], 'The steps loop (b → a)'],
    ['an unreachable step', [{ id: 'a', type: 'exit' }, { id: 'b', type: 'exit' }], 'No owner can reach step "b"'],
    ['two steps with one id', [{ id: 'a', type: 'wait', duration: { days: 1 }, next: 'a' }, { id: 'a', type: 'exit' }], 'Two steps are called "a"'],
    ['a split that is not 100%', [{ id: 'a', type: 'split', paths: [{ percent: 50 }], holdoutPercent: 10 }], 'add up to 100 percent'],
    ['a zero wait', [{ id: 'a', type: 'wait', duration: { days: 0 } }], 'above 0'],
    ['an update that sets nothing', [{ id: 'a', type: 'update' }], 'sets the lifecycle stage, an attribute, or both'],
    ['a webhook that is not http', [{ id: 'a', type: 'webhook', url: 'ftp://example.com/x' }], 'Invalid URL'],
  ])('refuses %s, saying why', (_name, steps, message) => {
    expect(issues({ trigger, steps }).join(' | ')).toContain(message);
  });

  it('refuses an event type that is not one', () => {
    expect(issues({ trigger: { kind: 'event', event: 'Registered!' }, steps: [{ id: 'a', type: 'exit' }] }).join()).toContain('looks like "ownership.registered"');
  });

  it('takes "entering a segment" as a trigger, once per product unless told otherwise', () => {
    const segmentId = '0190f3c2-6a7b-7c8d-9e0f-1a2b3c4d5e6f';
    const parsed = journeyDefinitionSchema.parse({ trigger: { kind: 'segment', segmentId }, steps: [{ id: 'a', type: 'exit' }] });
    expect(parsed.trigger).toEqual({ kind: 'segment', segmentId, entry: 'per_ownership' });
    expect(issues({ trigger: { kind: 'segment', segmentId: 'vip owners' }, steps: [{ id: 'a', type: 'exit' }] }).join()).toContain('Pick the segment');
  });
});
