// Test set-up shared by the agent desk's tests: a brand with a kettle that needs descaling, and owners
// who registered kettles and filed claims, all through the API as brand systems and agents do.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, validModel } from '../../test/harness.ts';
import type { Db } from '../platform/database/database.ts';
import type { App } from '../platform/http/server.ts';

export interface AgentWorld {
  readonly brand: TestBrand;
  readonly modelId: string;
}

export async function agentWorld(app: App, db: Db, name = 'Agent brand'): Promise<AgentWorld> {
  const brand = await makeBrand(db, name);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/models',
    headers: bearer(brand.keys.admin),
    payload: validModel({
      name: 'Uno Kettle',
      category: 'kettles',
      gtins: [freshGtin()],
      serialRules: [{ mask: 'SN**********' }],
      warranty: { partsMonths: 24, labourMonths: 24, startsAt: 'purchase', proofRequired: 'none' },
      maintenanceSchedule: [{ name: 'Descale', intervalDays: 90, instructions: 'Vinegar and water.' }],
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  return { brand, modelId: created.json().id };
}

export interface Registered {
  readonly ownershipId: string;
  readonly ownerId: string;
  readonly serial: string;
}

/** Registers a kettle bought 30 days ago to an owner, new or known by email. */
export async function register(app: App, world: AgentWorld, owner: { email: string; name: string; phone?: string }): Promise<Registered> {
  const serial = `SN${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/registrations',
    headers: bearer(world.brand.keys.agent),
    payload: {
      modelId: world.modelId,
      serial,
      purchaseDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
      owner: { ...owner, postalCode: '94103', country: 'US', language: 'en' },
      sendConfirmation: false,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { ownershipId: response.json().ownershipId, ownerId: response.json().ownerId, serial };
}

/** Files a claim through the claims API, as an agent does from the owner's 360° view. */
export async function fileClaim(app: App, world: AgentWorld, product: Registered, contactChannels: readonly string[] = ['email']): Promise<{ id: string; number: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/claims',
    headers: bearer(world.brand.keys.agent),
    payload: { ownershipId: product.ownershipId, ownerId: product.ownerId, problemCategory: 'leak', description: 'Water pools under it.', contactChannels },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json().id, number: response.json().number };
}
