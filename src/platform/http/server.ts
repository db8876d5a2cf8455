import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { type ZodTypeProvider, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { authenticate, hasValidCsrfToken } from '../../access/principal.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../database/database.ts';
import { largestUpload } from '../files/files.ts';
import { ApiError, errorBody } from './errors.ts';
import { toErrorReply } from './error-handler.ts';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export interface AppContext {
  readonly db: Db;
  readonly config: Config;
  readonly log: Logger;
  /** True once migrations are applied; `/readyz` reports it. */
  readonly isMigrated: () => Promise<boolean>;
}

export type RouteModule = (app: App, context: AppContext) => void;

const consoleDist = fileURLToPath(new URL('../../../console/dist/', import.meta.url));

/** Builds the HTTP server: API under /api/v1, OpenAPI at /openapi.json, docs at /docs, the console at /console. */
export async function buildServer(context: AppContext, routeModules: readonly RouteModule[]): Promise<App> {
  const app = Fastify({
    loggerInstance: context.log,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: context.config.trustProxy,
    // A link with a broken %-code fails before any route: answer it in the API's error shape.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      void reply.code(400).send(errorBody('validation_failed', `This address cannot be read (${error.message}); scan the code again or type the serial instead.`));
    },
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  // JSON in, JSON out: any other body type (plain text included) is refused with 415, multipart only where uploads are.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => {
    const { status, body, unexpected } = toErrorReply(error);
    if (unexpected) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not_found', `There is nothing at ${request.method} ${request.url.split('?')[0]}.`)),
  );
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Owner pages reach cheap phones on slow networks: every text response over 1 KB is compressed.
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: largestUpload, files: 1, fields: 10, fieldSize: 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenOX API',
        version: '1',
        description:
          'Every brand system call is scoped to the brand of its API key (`Authorization: Bearer oxk_...`). ' +
          'Errors are `{ "error": { "code", "message", "details" } }`. Send `Idempotency-Key` on a POST to make retries safe.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key made in the console under API keys.' },
          session: { type: 'apiKey', in: 'cookie', name: 'openox_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Credentials become a principal before any API route runs; cookie-authenticated writes must carry the CSRF token.
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.principal = await authenticate(context.db, request);
    const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (isWrite && request.principal && !hasValidCsrfToken(request.principal, request.headers['x-csrf-token'])) {
      throw new ApiError('csrf_invalid');
    }
  });

  for (const register of routeModules) register(app, context);

  if (existsSync(consoleDist)) {
    await app.register(fastifyStatic, { root: consoleDist, prefix: '/console/', wildcard: false });
    // The console routes on the client: any deeper /console path gets its index page.
    app.get('/console/*', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
    app.get('/console', { schema: { hide: true } }, (_request, reply) => reply.redirect('/console/'));
  } else {
    app.get('/console*', { schema: { hide: true } }, (_request, reply) =>
      reply.code(503).type('text/plain').send(`The console is not built yet. Run: npm run build (it builds ${path.relative(process.cwd(), consoleDist)})`),
    );
  }
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/console/'));
  return app;
}
