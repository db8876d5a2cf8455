import fastifyFormbody from '@fastify/formbody';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { brandSiteBySlug } from '../../owner-site/brand-site.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { errorResponses } from '../../platform/http/responses.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { recordDeliveryReceipt } from './delivery-receipts.ts';
import { receiveSms } from './inbound-sms.ts';
import { isProviderSignature } from './twilio-signature.ts';

const slugParams = z.object({ slug: z.string().max(100) });
const providerForm = z.record(z.string(), z.string());
// An answer with nothing to send: OpenOX sends its replies itself, through the outbox.
const emptyTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * The SMS provider's webhooks, per brand: delivery receipts (the StatusCallback OpenOX gives with each
 * text) and inbound texts (configure the brand's number to post to /webhooks/sms/<slug>/inbound).
 * Each request must carry the provider's X-Twilio-Signature over the public URL it called and its form
 * fields, made with the account's auth token; anything else is refused.
 */
export const smsWebhookRoutes: RouteModule = (app, { db, config }) => {
  const tags = ['messaging'];

  void app.register(async (plugin) => {
    await plugin.register(fastifyFormbody);
    const hooks = plugin.withTypeProvider<ZodTypeProvider>();

    /** The brand the webhook is for, once the provider's signature is checked. */
    async function signedBrand(request: FastifyRequest<{ Params: { slug: string }; Body: Record<string, string> }>) {
      if (!config.sms) throw new ApiError('not_found', 'This OpenOX has no SMS provider configured (OPENOX_SMS_ACCOUNT_SID), so it takes no SMS webhooks.');
      const url = `${config.publicUrl.replace(/\/+$/, '')}${request.url}`;
      if (!isProviderSignature(config.sms.authToken, url, request.body, request.headers['x-twilio-signature'] as string | undefined)) {
        throw new ApiError('webhook_signature_invalid');
      }
      const brand = await brandSiteBySlug(db, request.params.slug);
      if (!brand) throw new ApiError('not_found', `No brand has the address ${request.params.slug}; check the webhook URL set at the SMS provider.`);
      return brand;
    }

    hooks.post('/webhooks/sms/:slug/status', {
      schema: {
        tags,
        summary: "SMS delivery receipts (the provider's status callback)",
        description: 'Form fields MessageSid, MessageStatus and ErrorCode, as a Twilio-compatible provider posts them, signed with X-Twilio-Signature. delivered, undelivered and failed become the message status; every receipt goes into its history.',
        params: slugParams,
        querystring: z.object({ message: z.uuid() }),
        body: providerForm,
        security: [],
        response: { 204: z.null(), ...errorResponses },
      },
    }, async (request, reply) => {
      const brand = await signedBrand(request);
      const { MessageSid: sid, MessageStatus: status, ErrorCode: errorCode } = request.body;
      if (!sid || !status) throw new ApiError('validation_failed', 'A status callback carries MessageSid and MessageStatus.');
      await inBrand(db, brand.id, (scope) => recordDeliveryReceipt(scope, { messageId: request.query.message, sid, status, errorCode: errorCode || null }));
      return reply.code(204).send(null);
    });

    hooks.post('/webhooks/sms/:slug/inbound', {
      schema: {
        tags,
        summary: 'Texts owners send to the brand number (STOP, START, HELP and the rest)',
        description: 'Form fields MessageSid, From, To and Body, signed with X-Twilio-Signature. Keywords are answered with one text each (sent through the outbox); a repeated MessageSid is ignored. Answers empty TwiML.',
        params: slugParams,
        body: providerForm,
        security: [],
        produces: ['text/xml'],
      },
    }, async (request, reply) => {
      const brand = await signedBrand(request);
      const { MessageSid: sid, From: from, To: to, Body: body } = request.body;
      if (!sid || !from) throw new ApiError('validation_failed', 'An inbound text carries MessageSid and From.');
      await inBrand(db, brand.id, (scope) => receiveSms(scope, brand, { sid, from, to: to ?? '', body: body ?? '' }, config.publicUrl));
      return reply.type('text/xml; charset=utf-8').send(emptyTwiml);
    });
  });
};
