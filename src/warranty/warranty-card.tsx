import type { PageContext } from '../owner-site/page.tsx';
import { formatDay } from '../owner-site/format-day.ts';
import type { CoveragePart, Entitlement } from './entitlement.ts';

// Reason values that are days, shown in the owner's way of writing dates.
const dayParams = new Set(['date', 'until', 'from', 'purchased', 'manufactured']);

/** An ownership's warranty for its owner: what is covered until when, and the facts behind it. */
export function WarrantyCard({ page, entitlement }: { page: PageContext; entitlement: Entitlement }) {
  const { t, language } = page;
  const day = (date: string) => formatDay(date, language);
  const line = (part: CoveragePart, kind: 'parts' | 'labour') =>
    part.covered ? t(`entitlement.${kind}Until`, { date: day(part.until as string) })
      : part.until ? t(`entitlement.${kind}Ended`, { date: day(part.until) })
      : t(`entitlement.${kind}None`);
  return (
    <section className="card" aria-labelledby="warranty">
      <h2 id="warranty">{t('entitlement.title')}</h2>
      <p><span className={entitlement.parts.covered ? 'badge' : 'badge off'}>{line(entitlement.parts, 'parts')}</span></p>
      <p><span className={entitlement.labour.covered ? 'badge' : 'badge off'}>{line(entitlement.labour, 'labour')}</span></p>
      {entitlement.carePlan ? <p>{t('entitlement.carePlan', { name: entitlement.carePlan.name, date: day(entitlement.carePlan.until) })}</p> : null}
      <details>
        <summary>{t('entitlement.why')}</summary>
        <ul>
          {entitlement.reasons.map((reason, index) => (
            <li key={index}>{t(`entitlement.${reason.code}`, Object.fromEntries(Object.entries(reason.params).map(([key, value]) => [key, dayParams.has(key) ? day(value) : value])))}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
