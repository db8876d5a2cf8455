import { z } from 'zod';
import { requirePermission } from '../../access/principal.ts';
import { readForCaller } from '../../platform/http/read.ts';
import { errorResponses } from '../../platform/http/responses.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { sendNeutralPage } from '../../resolver/neutral-page.tsx';
import { followLink, linkClicks, linkClicksQuery, linkClicksView } from './clicks.ts';

/** The click tracker: links in messages point here, and the brand reads what was clicked. */
export const clickRoutes: RouteModule = (app, { db }) => {
  app.get('/c/:token', { schema: { hide: true, params: z.object({ token: z.string().max(200) }) } }, async (request, reply) => {
    // HEAD is what link previews and mail scanners send: answered, not counted.
    const target = await followLink(db, request.params.token, { record: request.method === 'GET', userAgent: request.headers['user-agent'] });
    if (target === null) {
      return sendNeutralPage(request, reply, 404, { code: 'not_found', message: 'This link is not one OpenOX made, or it was cut short.' }, (t) => ({
        title: t('messages.linkNotFoundTitle'),
        body: <p>{t('messages.linkNotFoundBody')}</p>,
      }));
    }
    // No caching: every visit is a click, and the address stays out of shared caches and referrers.
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(target, 302);
  });

  app.get('/api/v1/link-clicks', {
    preValidation: requirePermission('messages:read'),
    schema: {
      tags: ['messaging'],
      summary: "Clicks on a campaign's tracked links, per template and address",
      querystring: linkClicksQuery,
      response: { 200: z.object({ data: z.array(linkClicksView) }), ...errorResponses },
    },
  }, async (request) => ({ data: await readForCaller(db, request, (scope) => linkClicks(scope, request.query)) }));
};
