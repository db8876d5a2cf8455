import { z } from 'zod';
import type { RouteModule } from '../platform/http/server.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import { permissions, permissionsOf, roles } from './permissions.ts';
import { type Principal, authenticateSession, csrfTokenFor, requirePrincipal, sessionCookie } from './principal.ts';
import { sessionLifetimeMs, signIn, signOut } from './sign-in.ts';
import { brandView, getBrand } from '../brands/brands.ts';
import { errorResponses } from '../platform/http/responses.ts';

const sessionView = z.object({
  principal: z.object({
    kind: z.enum(['staff', 'api_key']),
    id: z.uuid(),
    label: z.string(),
    role: z.enum(roles),
    permissions: z.array(z.enum(permissions)),
  }),
  brand: brandView,
  csrfToken: z.string().nullable().meta({ description: 'Send as X-CSRF-Token on every write made with the session cookie.' }),
}).meta({ id: 'Session' });

export const sessionRoutes: RouteModule = (app, { db }) => {
  const describe = async (principal: Principal) => ({
    principal: { kind: principal.kind, id: principal.id, label: principal.label, role: principal.role, permissions: [...permissionsOf(principal.role)] },
    brand: await inBrand(db, principal.brandId, getBrand),
    csrfToken: principal.sessionToken ? csrfTokenFor(principal.sessionToken) : null,
  });

  app.post('/api/v1/session', {
    schema: {
      tags: ['access'],
      summary: 'Sign in a staff user (console)',
      security: [],
      body: z.strictObject({ email: z.email('Enter your work email address.').max(320), password: z.string().min(1, 'Enter your password.').max(1024) }),
      response: { 200: sessionView, ...errorResponses },
    },
  }, async (request, reply) => {
    const { token } = await signIn(db, request.body.email, request.body.password, request.ip);
    reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict', maxAge: sessionLifetimeMs / 1000 });
    const principal = await authenticateSession(db, token);
    if (!principal) throw new Error('A session just opened could not be read back.');
    return describe(principal);
  });

  app.get('/api/v1/session', {
    schema: { tags: ['access'], summary: 'Who is signed in, their brand and the CSRF token', response: { 200: sessionView, ...errorResponses } },
  }, async (request) => describe(requirePrincipal(request)));

  app.delete('/api/v1/session', {
    schema: { tags: ['access'], summary: 'Sign out', response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    if (principal.sessionToken) await signOut(db, principal.sessionToken);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.code(204).send(null);
  });
};
