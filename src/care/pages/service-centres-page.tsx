import type { Translate } from '../../owner-site/i18n.ts';
import { distanceUnitFor, kmToMiles } from '../centres/nearest.ts';
import type { ServiceCentreView } from '../service-centre-schema.ts';

export interface CentreSearch {
  readonly postal: string;
  readonly country: string;
  /** What the results are nearest to ('M5V, Ontario'), or null for the owner's own position. */
  readonly place: string | null;
  readonly results: readonly { readonly centre: ServiceCentreView; readonly km: number }[];
}

export interface ServiceCentresPageProps {
  readonly t: Translate;
  readonly language: string;
  readonly action: string;
  readonly postal: string;
  readonly country: string;
  readonly countries: readonly string[];
  /** An i18n key saying why the search found no place, with its values. */
  readonly problem: { readonly key: string; readonly values: Record<string, string> } | null;
  readonly search: CentreSearch | null;
}

/** Find the nearest service centre: by postal code with no script, by position where the browser can tell it. */
export function ServiceCentresPage({ t, language, action, postal, country, countries, problem, search }: ServiceCentresPageProps) {
  const regionName = new Intl.DisplayNames([language], { type: 'region' });
  return (
    <>
      <h1>{t('care.centres.title')}</h1>
      <form method="get" action={action} className="card" noValidate
        data-locate-label={t('care.centres.useLocation')} data-locate-waiting={t('care.centres.locating')} data-locate-failed={t('care.centres.locationFailed')}>
        <label htmlFor="postal">{t('care.centres.postal')}</label>
        {problem ? <span className="error" id="postal-error" role="alert">{t(problem.key, problem.values)}</span> : null}
        <input id="postal" name="postal" type="text" autoComplete="postal-code" defaultValue={postal}
          aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'postal-error' : undefined} />
        <label htmlFor="country">{t('care.centres.country')}</label>
        <select id="country" name="country" defaultValue={country}>
          {countries.map((code) => <option key={code} value={code}>{regionName.of(code) ?? code}</option>)}
        </select>
        <button type="submit">{t('care.centres.find')}</button>
      </form>
      {search ? <Results t={t} language={language} search={search} /> : null}
      <script src="/care/locate.js" defer />
    </>
  );
}

function Results({ t, language, search }: { t: Translate; language: string; search: CentreSearch }) {
  const unit = distanceUnitFor(search.country);
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const distance = (km: number) => t(unit === 'mi' ? 'care.centres.miles' : 'care.centres.kilometres', { distance: number.format(unit === 'mi' ? kmToMiles(km) : km) });
  return (
    <section aria-labelledby="nearest">
      <h2 id="nearest">{search.place ? t('care.centres.nearestTo', { place: search.place }) : t('care.centres.nearestYou')}</h2>
      {search.results.length === 0 ? <p className="card">{t('care.centres.none')}</p> : null}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {search.results.map(({ centre, km }) => (
          <li key={centre.id} className="card">
            <h3 style={{ margin: 0 }}>{centre.name}</h3>
            <p><strong>{distance(km)}</strong></p>
            <address style={{ fontStyle: 'normal' }}>
              {centre.addressLine1}<br />
              {centre.addressLine2 ? <>{centre.addressLine2}<br /></> : null}
              {[centre.city, centre.region, centre.postalCode].filter(Boolean).join(', ')}
            </address>
            {centre.services.length > 0 ? <p className="hint">{centre.services.map((service) => t(`care.centres.services.${service}`)).join(' · ')}</p> : null}
            <ul className="plain">
              {centre.phone ? <li><a href={`tel:${centre.phone.replace(/[^+0-9]/g, '')}`}>{t('care.centres.call', { phone: centre.phone })}</a></li> : null}
              {centre.email ? <li><a href={`mailto:${centre.email}`}>{centre.email}</a></li> : null}
              {centre.url ? <li><a href={centre.url} rel="noopener">{t('care.centres.website')}</a></li> : null}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
