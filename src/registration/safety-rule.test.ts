import { describe, expect, it } from 'vitest';
import { safetyRuleFor } from './safety-rule.ts';

describe('safetyRuleFor', () => {
  it.each(['infant durable products', 'Cribs', 'Strollers', 'High chairs', 'Play Yards', 'Infant  carriers'])('puts "%s" under 16 CFR 1130', (category) => {
    expect(safetyRuleFor(category)?.citation).toBe('16 CFR 1130');
  });

  it.each(['dishwashers', 'coffee machines', 'power tools', 'Car seats for adults'])('leaves "%s" to normal registration', (category) => {
    expect(safetyRuleFor(category)).toBeNull();
  });
});
