import type { Translate } from '../owner-site/i18n.ts';
import type { RecallView } from '../recalls/recall-schema.ts';

/** A unit someone holds: how its owner gets to it and how a new owner takes it over. Never who holds it. */
export function RegisteredUnit({ t, productName, signInHref, registerHref }: { t: Translate; productName: string; signInHref: string; registerHref: string }) {
  return (
    <div className="card">
      <h1>{t('resolver.registeredTitle')}</h1>
      <p><strong>{productName}</strong></p>
      <p>{t('resolver.registeredBody')}</p>
      <a className="button" href={signInHref}>{t('site.signIn')}</a>
      <a className="button secondary" href={registerHref}>{t('resolver.registerAsNew')}</a>
    </div>
  );
}

export function RecallStatus(props: { t: Translate; title: string; productName: string; recalls: readonly RecallView[]; toCheck: readonly RecallView[]; registerHref: string }) {
  const { t } = props;
  return (
    <>
      <h1>{props.title}</h1>
      {props.recalls.length === 0 ? <p className="card" role="status">{t('resolver.recallNone')}</p> : null}
      {props.recalls.map((recall) => <RecallNotice key={recall.id} t={t} recall={recall} />)}
      {props.toCheck.length > 0 ? (
        <>
          <p role="status">{t('resolver.recallCheckSerial')}</p>
          {props.toCheck.map((recall) => <RecallNotice key={recall.id} t={t} recall={recall} />)}
        </>
      ) : null}
      <a className="button secondary" href={props.registerHref}>{t('resolver.links.registerProduct', { product: props.productName })}</a>
    </>
  );
}

function RecallNotice({ t, recall }: { t: Translate; recall: RecallView }) {
  return (
    <section className="card" aria-labelledby={`recall-${recall.id}`}>
      <h2 id={`recall-${recall.id}`}>{t('resolver.recallTitle', { title: recall.title })}</h2>
      <h3>{t('resolver.hazard')}</h3>
      <Paragraphs text={recall.hazard} />
      <h3>{t('resolver.remedy')}</h3>
      <Paragraphs text={recall.remedy} />
      {recall.url ? <p><a href={recall.url}>{t('resolver.moreInfo')}</a></p> : null}
    </section>
  );
}

export interface FaqEntry {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly language: string;
  /** Where the answer is when it is a document or a page rather than text. */
  readonly href: string | null;
}

/** Questions and answers, each opening without JavaScript. */
export function FaqList({ t, title, entries }: { t: Translate; title: string; entries: readonly FaqEntry[] }) {
  return (
    <>
      <h1>{title}</h1>
      {entries.length === 0 ? <p className="card">{t('resolver.faqsNone')}</p> : null}
      {entries.map((entry) => (
        <details key={entry.id} className="card" lang={entry.language}>
          <summary><strong>{entry.title}</strong></summary>
          {entry.href ? <p><a href={entry.href}>{t('resolver.moreInfo')}</a></p> : <Paragraphs text={entry.body} />}
        </details>
      ))}
    </>
  );
}

export function TooMany({ t }: { t: Translate }) {
  return (
    <div className="card">
      <h1>{t('resolver.tooManyTitle')}</h1>
      <p>{t('resolver.tooManyBody')}</p>
    </div>
  );
}

/** Plain text as the brand typed it: blank lines part paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return <>{text.split(/\n\s*\n/).map((paragraph, index) => <p key={index}>{paragraph.trim()}</p>)}</>;
}
