import { z } from 'zod';
import { sitePath } from '../../owner-site/brand-site.ts';
import { openSite } from '../../owner-site/site-request.tsx';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import type { Point } from '../centres/nearest.ts';
import { locatePostalCode, postalCountries } from '../centres/postal-location.ts';
import { nearestServiceCentres, serviceCountries } from '../service-centres.ts';
import { locateScript } from './locate-script.ts';
import { type CentreSearch, ServiceCentresPage, type ServiceCentresPageProps } from './service-centres-page.tsx';

const centresQuery = z.object({
  postal: z.string().max(20).optional(),
  country: z.string().max(2).optional(),
  lat: z.coerce.number().min(-90).max(90).optional().catch(undefined),
  lon: z.coerce.number().min(-180).max(180).optional().catch(undefined),
  lang: z.string().optional(),
});

/** Owners find the brand's nearest service centres by postal code or, with the small script, by position. */
export const serviceCentrePageRoutes: RouteModule = (app, { db }) => {
  const schema = { hide: true } as const;

  // Served by OpenOX itself (no third-party script host) and the same for every brand, so cached a day.
  app.get('/care/locate.js', { schema }, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(locateScript),
  );

  app.get('/o/:slug/service-centres', { schema: { ...schema, params: z.object({ slug: z.string() }), querystring: centresQuery } }, async (request, reply) => {
    const site = await openSite(db, request, reply);
    if (!site) return reply;
    const { t, language } = site.page;
    const owner = site.owner;
    const query = request.query;
    const countries = await inBrand(db, site.brand.id, (scope) => serviceCountries(scope));
    // A signed-in owner's own postal code fills the search until they type another.
    const postal = query.postal?.trim() ?? owner?.postalCode ?? '';
    const wantedCountry = query.country?.toUpperCase() || owner?.country || countries[0] || 'US';
    const country = /^[A-Z]{2}$/.test(wantedCountry) ? wantedCountry : 'US';
    const choices = [...new Set([...postalCountries, ...countries, country])].sort();

    let from: { point: Point; place: string | null } | null = null;
    let problem: ServiceCentresPageProps['problem'] = null;
    if (query.lat !== undefined && query.lon !== undefined) {
      from = { point: { latitude: query.lat, longitude: query.lon }, place: null };
    } else if (postal) {
      const located = locatePostalCode(postal, country);
      if (located.found) from = { point: located.point, place: located.place };
      else problem = { key: `care.centres.${located.reason}`, values: { postal, country: new Intl.DisplayNames([language], { type: 'region' }).of(country) ?? country } };
    }
    let search: CentreSearch | null = null;
    if (from) {
      const point = from.point;
      search = { postal, country, place: from.place, results: await inBrand(db, site.brand.id, (scope) => nearestServiceCentres(scope, point, 10)) };
    }
    return site.send(t('care.centres.title'), (
      <ServiceCentresPage t={t} language={language} action={sitePath(site.brand, '/service-centres')} postal={postal} country={country} countries={choices} problem={problem} search={search} />
    ));
  });
};
