import type { PageContext } from '../../owner-site/page.tsx';
import type { Entitlement } from '../../warranty/entitlement.ts';
import { WarrantyCard } from '../../warranty/warranty-card.tsx';
import type { RegistrableModel } from '../registrable-model.ts';
import type { RegistrationSettings } from '../settings.ts';

/** Warranty, guides, upkeep and help for one owned product: the confirmation page and My products share it. */
export function ProductCare({ page, model, entitlement, settings, safetyOnly }: {
  page: PageContext;
  model: RegistrableModel;
  entitlement: Entitlement;
  settings: RegistrationSettings;
  safetyOnly: boolean;
}) {
  const { t } = page;
  const guides = model.resources.filter((resource) => resource.kind === 'quick_start' || resource.kind === 'manual' || resource.kind === 'video');
  return (
    <>
      <WarrantyCard page={page} entitlement={entitlement} />
      <section className="card" aria-labelledby="guides">
        <h2 id="guides">{t('registered.documents')}</h2>
        {guides.length === 0 ? <p>{t('registered.noDocuments')}</p> : (
          <ul className="plain">
            {guides.map((guide) => <li key={guide.id}><a href={guide.href}>{guide.title}</a></li>)}
          </ul>
        )}
      </section>
      {model.maintenance.length > 0 ? (
        <section className="card" aria-labelledby="upkeep">
          <h2 id="upkeep">{t('registered.maintenance')}</h2>
          <ul className="plain">
            {model.maintenance.map((task) => <li key={task.name}>{task.name}: {t('registered.every', { count: task.intervalDays })}</li>)}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="help">
        <h2 id="help">{t('registered.support')}</h2>
        <ul className="plain">
          {settings.supportEmail ? <li><a href={`mailto:${settings.supportEmail}`}>{t('registered.supportEmail', { email: settings.supportEmail })}</a></li> : null}
          {settings.supportPhone ? <li><a href={`tel:${settings.supportPhone.replace(/[^+0-9]/g, '')}`}>{t('registered.supportPhone', { phone: settings.supportPhone })}</a></li> : null}
          {settings.supportUrl ? <li><a href={settings.supportUrl}>{t('registered.supportSite')}</a></li> : null}
          {settings.accessoriesUrl && !safetyOnly ? <li><a href={settings.accessoriesUrl}>{t('registered.accessories')}</a></li> : null}
        </ul>
        {safetyOnly ? <p className="legal">{t('registered.safetyOnly')}</p> : null}
      </section>
    </>
  );
}
