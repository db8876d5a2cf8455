import { describe, expect, it } from 'vitest';
import { type RegisteredUnit, matchUnit } from './match-unit.ts';

const unit = (ownershipId: string, modelId: string, serial: string): RegisteredUnit => ({ ownershipId, ownerId: `owner-${ownershipId}`, modelId, serial });
const units = [unit('o1', 'kettle', 'SN1'), unit('o2', 'kettle', 'SN2'), unit('o3', 'toaster', 'SN2')];

describe('which registered unit an event names', () => {
  it.each([
    ['a serial only one unit has', 'SN1', null, { kind: 'found', unit: units[0] }],
    ['a serial with the GTIN of its model', 'SN1', ['kettle'], { kind: 'found', unit: units[0] }],
    ['a shared serial, told apart by the GTIN', 'SN2', ['toaster'], { kind: 'found', unit: units[2] }],
    ['a shared serial without a GTIN', 'SN2', null, { kind: 'ambiguous', count: 2 }],
    ['a serial nobody registered', 'SN9', null, { kind: 'unknown', message: expect.stringContaining('serial SN9') }],
    ['a serial registered for another model than the GTIN', 'SN1', ['toaster'], { kind: 'unknown', message: expect.stringContaining('this model') }],
    ["a GTIN that is not the brand's", 'SN1', [], { kind: 'unknown', message: expect.stringContaining('GTIN') }],
  ] as const)('%s', (_case, serial, modelIds, expected) => {
    expect(matchUnit(serial, modelIds, units)).toEqual(expected);
  });
});
