import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { allProblemCategories, defaultProblemCategories, problemCategoriesBody, productCategoryProblemsView, setProblemCategories } from './problem-categories.ts';

const tags = ['claims'];
const productCategoryParams = z.object({ productCategory: z.string().min(1).max(100).meta({ description: "A model category, as in the catalog (models' category)." }) });

/** What owners choose from when they say what is wrong, per product category; admins set it. */
export const problemCategoryRoutes: RouteModule = (app, { db }) => {
  app.get('/api/v1/claim-categories', {
    preValidation: requirePermission('claims:read'),
    schema: {
      tags,
      summary: "Problem categories owners choose from, per product category of the brand's catalog",
      response: {
        200: z.object({ data: z.array(productCategoryProblemsView), defaults: z.array(z.object({ code: z.string(), label: z.string() })) }),
        ...errorResponses,
      },
    },
  }, async (request) => ({ data: await readForCaller(db, request, allProblemCategories), defaults: [...defaultProblemCategories] }));

  app.put('/api/v1/claim-categories/:productCategory', {
    preValidation: requirePermission('catalog:write'),
    schema: {
      tags,
      summary: "Set a product category's problem categories, in order (an empty list returns to the defaults)",
      params: productCategoryParams,
      body: problemCategoriesBody,
      response: { 200: productCategoryProblemsView, ...errorResponses },
    },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => ({ status: 200, body: await setProblemCategories(scope, actor, request.params.productCategory, request.body.categories) })),
  );
};
