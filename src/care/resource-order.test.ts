import { describe, expect, it } from 'vitest';
import type { LifecycleStage, ResourceKind } from '../catalog/model-schema.ts';
import { kindOrderFor, orderForStage } from './resource-order.ts';

const resource = (title: string, kind: ResourceKind, stage: LifecycleStage) => ({ title, kind, stage });
const library = [
  resource('Manual', 'manual', 'onboarding'),
  resource('Error codes', 'troubleshooting', 'caring'),
  resource('Quick start', 'quick_start', 'unboxing'),
  resource('Setup video', 'video', 'onboarding'),
  resource('First wash', 'quick_start', 'onboarding'),
  resource('Cloudy glasses', 'faq', 'enjoying'),
  resource('Descale', 'faq', 'caring'),
  resource('Lend it', 'faq', 'sharing'),
];
const titles = (stage: LifecycleStage | null) => orderForStage(library, stage).map((r) => r.title);

describe('resources ordered for a lifecycle stage', () => {
  it('puts the quick start first while onboarding, then the stage next to it before the one behind', () => {
    expect(titles('onboarding')).toEqual(['First wash', 'Setup video', 'Manual', 'Cloudy glasses', 'Quick start', 'Lend it', 'Descale', 'Error codes']);
  });

  it('puts troubleshooting first while caring, and works back through the earlier stages', () => {
    expect(titles('caring')).toEqual(['Error codes', 'Descale', 'Lend it', 'Cloudy glasses', 'Manual', 'Setup video', 'First wash', 'Quick start']);
  });

  it('follows the lifecycle from unboxing when the stage is not known', () => {
    expect(titles(null)).toEqual(['Quick start', 'Manual', 'First wash', 'Setup video', 'Cloudy glasses', 'Lend it', 'Descale', 'Error codes']);
  });

  it('keeps the given order between equals, and does not change its input', () => {
    const twins = [resource('A', 'faq', 'enjoying'), resource('B', 'faq', 'enjoying')];
    expect(orderForStage(twins, 'enjoying').map((r) => r.title)).toEqual(['A', 'B']);
    expect(twins.map((r) => r.title)).toEqual(['A', 'B']);
  });

  it('orders the kinds of help by stage', () => {
    expect(kindOrderFor('onboarding')[0]).toBe('quick_start');
    expect(kindOrderFor('caring')[0]).toBe('troubleshooting');
    expect(kindOrderFor(null)[0]).toBe('manual');
    for (const stage of ['unboxing', 'onboarding', 'enjoying', 'sharing', 'caring', null] as const) expect([...kindOrderFor(stage)].sort()).toHaveLength(5);
  });
});
