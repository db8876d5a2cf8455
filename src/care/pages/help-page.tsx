import type { LifecycleStage } from '../../catalog/model-schema.ts';
import { sitePath } from '../../owner-site/brand-site.ts';
import type { Translate } from '../../owner-site/i18n.ts';
import type { Site } from '../../owner-site/site-request.tsx';
import { kindOrderFor, orderForStage } from '../resource-order.ts';
import type { HelpResource, HelpSearch, ModelHelp } from './help-data.ts';
import { MaintenanceCard, type MaintenanceCardProps } from './maintenance-card.tsx';

export interface HelpPageProps {
  readonly site: Site;
  readonly help: ModelHelp;
  /** Where the search form sends the query: this very page. */
  readonly action: string;
  /** The ownership's stage, on an owner's own product page; null on the public page of a model. */
  readonly stage: LifecycleStage | null;
  readonly maintenance?: MaintenanceCardProps | undefined;
}

/** A model's help: search, (an owner's maintenance,) and every resource by kind, in the order that fits the owner. */
export function HelpPage({ site, help, action, stage, maintenance }: HelpPageProps) {
  const { t } = site.page;
  const ordered = orderForStage(help.resources, stage);
  const suggested = stage ? ordered.slice(0, 3) : [];
  return (
    <>
      <h1>{t('care.title', { product: help.model.name })}</h1>
      <form method="get" action={action} role="search" className="card">
        <label htmlFor="q">{t('care.searchLabel')}</label>
        <span className="hint" id="q-hint">{t('care.searchHint')}</span>
        <input id="q" name="q" type="search" defaultValue={help.search?.query ?? ''} aria-describedby="q-hint" enterKeyHint="search" />
        <button type="submit">{t('care.search')}</button>
      </form>
      {help.search ? <SearchResults t={t} search={help.search} /> : null}
      {maintenance ? <MaintenanceCard {...maintenance} /> : null}
      {suggested.length > 0 && !help.search ? (
        <section className="card" aria-labelledby="suggested">
          <h2 id="suggested">{t('care.suggested')}</h2>
          <ul className="plain">{suggested.map((resource) => <li key={resource.id}><a href={resource.href}>{resource.title}</a> <span className="hint">{t(`care.kinds.${resource.kind}`)}</span></li>)}</ul>
        </section>
      ) : null}
      {help.resources.length === 0 ? <p className="card">{t('care.none')}</p> : null}
      {kindOrderFor(stage).map((kind) => {
        const ofKind = ordered.filter((resource) => resource.kind === kind);
        return ofKind.length === 0 ? null : (
          <section key={kind} className="card" aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{t(`care.kinds.${kind}`)}</h2>
            <ul className="plain">{ofKind.map((resource) => <li key={resource.id}><ResourceEntry t={t} resource={resource} /></li>)}</ul>
          </section>
        );
      })}
      <p><a className="button secondary" href={sitePath(site.brand, '/service-centres')}>{t('care.findCentre')}</a></p>
    </>
  );
}

/** An answer or article is read in place (a <details> needs no script); a manual or a video is a link. */
function ResourceEntry({ t, resource }: { t: Translate; resource: HelpResource }) {
  const inline = (resource.kind === 'faq' || resource.kind === 'troubleshooting') && resource.body.trim() !== '';
  if (!inline) {
    return (
      <a href={resource.href} hrefLang={resource.language}>
        {resource.title}{resource.kind === 'video' ? ` (${t('care.video')})` : ''}
      </a>
    );
  }
  return (
    <details id={`r-${resource.id}`}>
      <summary>{resource.title}</summary>
      {resource.body.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
    </details>
  );
}

function SearchResults({ t, search }: { t: Translate; search: HelpSearch }) {
  return (
    <section className="card" aria-labelledby="results" aria-live="polite">
      <h2 id="results">{t('care.results', { count: search.hits.length, query: search.query })}</h2>
      {search.hits.length === 0 ? <p>{t('care.noResults')}</p> : (
        <ul className="plain">
          {search.hits.map((hit) => (
            <li key={hit.id}>
              <a href={hit.resource.href} hrefLang={hit.resource.language}>{hit.resource.title}</a> <span className="hint">{t(`care.kinds.${hit.resource.kind}`)}</span>
              {hit.excerpt ? <span className="hint">{hit.excerpt}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
