import type { PageContext } from '../../owner-site/page.tsx';
import { sitePath } from '../../owner-site/brand-site.ts';
import type { RecognisedOwner } from '../../owners/owner-session.ts';
import type { RegistrableModel } from '../registrable-model.ts';
import type { FieldProblem, OwnerField } from '../registration-form.ts';
import type { RegistrationSettings } from '../settings.ts';
import { consentWordings, rightsStatements } from '../wording.ts';
import { LabelOptions, PhotoScript, ReceiptOptions } from '../../identification/pages/identify-options.tsx';
import type { PhotoReadsView } from '../../identification/pages/photo-read-view.ts';
import { ErrorText, Field, type FieldState, ProblemSummary } from './form-fields.tsx';

export interface RegistrationFormView {
  readonly model: RegistrableModel;
  readonly settings: RegistrationSettings;
  readonly owner: RecognisedOwner | null;
  readonly askOwner: ReadonlySet<OwnerField>;
  /** What the owner typed, or what the QR code said; hidden fields carry the scan through. */
  readonly values: Readonly<Record<string, string>>;
  readonly problems: Readonly<Record<string, FieldProblem>>;
  /** A serial read from the scanned code that fits the model: shown, not asked. */
  readonly serialFromCode: boolean;
  readonly manufacturedOn: string | null;
  readonly proofKept: { readonly id: string; readonly name: string } | null;
  /** What the owner's photo of the label or the receipt said, when the form comes back from reading one. */
  readonly photo?: PhotoReadsView;
}

const hiddenFields = ['model_id', 'submission_id', 'lot', 'variant', 'production_date', 'identified_by', 'source', 'photo_read_id', 'receipt_read_id'] as const;

/** The registration form: mobile first, no script, every field labelled and its errors beside it. */
export function RegistrationFormPage({ page, view }: { page: PageContext; view: RegistrationFormView }) {
  const { t, brand, language } = page;
  const { model, settings, owner, askOwner } = view;
  const state: FieldState = { values: view.values, problems: view.problems, t };
  const safety = model.safety;
  const country = view.values.country || owner?.country || settings.countries[0] || 'US';
  const labels: Record<string, string> = {
    name: t('register.name'), email: t('register.email'), phone: t('register.phone'), address: t('register.address'), city: t('register.city'),
    region: t('register.region'), postal_code: t('register.postalCode'), country: t('register.country'), serial: t('register.serial'),
    purchase_date: t('register.purchaseDate'), retailer: t('register.retailer'), retailer_other: t('register.retailerOtherName'),
    proof: t('register.proof'), consent_sms: t('register.consentTitle'), form: '',
  };
  const format = model.serialMasks.map((mask) => mask.description).join('; ');
  const asks = (field: OwnerField) => askOwner.has(field);

  return (
    <>
      <ProblemSummary state={state} labels={labels} />
      <div className="card product">
        {model.imageUrl ? <img src={model.imageUrl} alt="" width={88} height={88} /> : null}
        <div>
          <h1>{t('register.title', { product: model.name })}</h1>
          <p>{model.sku}{view.manufacturedOn ? ` · ${t('register.manufactured', { month: monthName(view.manufacturedOn, language) })}` : ''}</p>
        </div>
      </div>
      {safety ? (
        <div className="card">
          <h2>{safety.purposeTitle}</h2>
          <p>{safety.purpose}</p>
          <p className="legal">{t('register.safetyRule', { citation: safety.citation })}</p>
        </div>
      ) : (
        <p>{t('register.intro')}</p>
      )}
      <form method="post" action={sitePath(brand, '/register')} encType="multipart/form-data" noValidate className="card">
        {hiddenFields.map((name) => (view.values[name] ? <input key={name} type="hidden" name={name} value={view.values[name]} /> : null))}
        {view.proofKept ? <input type="hidden" name="proof_file_id" value={view.proofKept.id} /> : null}

        <h2>{t('register.aboutProduct')}</h2>
        {model.serialMasks.length === 0 ? null : view.serialFromCode ? (
          <>
            <input type="hidden" name="serial" value={view.values.serial} />
            <p>{t('register.serialFromCode', { serial: view.values.serial })}</p>
          </>
        ) : (
          <>
            <LabelOptions page={page} modelId={model.id} read={view.photo?.label ?? null} />
            <Field state={state} name="serial" label={labels.serial as string} required autoComplete="off" hint={t('register.serialHint', { where: t('register.serialWhere'), format })} />
          </>
        )}
        <Field state={state} name="purchase_date" type="date" label={safety ? t('register.purchaseDateOptional') : (labels.purchase_date as string)} required={!safety} />
        {settings.retailers.length > 0 ? (
          <Field state={state} name="retailer" label={labels.retailer as string} required={!safety}>
            <select id="retailer" name="retailer" defaultValue={view.values.retailer ?? ''} aria-invalid={view.problems.retailer ? true : undefined} aria-describedby={view.problems.retailer ? 'retailer-error' : undefined}>
              <option value="">{t('register.retailerChoose')}</option>
              {settings.retailers.map((retailer) => <option key={retailer} value={retailer}>{retailer}</option>)}
              <option value="other">{t('register.retailerOther')}</option>
            </select>
          </Field>
        ) : null}
        <Field state={state} name="retailer_other" label={settings.retailers.length > 0 ? t('register.retailerOtherName') : (labels.retailer as string)} autoComplete="off" />
        <ReceiptOptions page={page} read={view.photo?.receipt ?? null}>
          <Field state={state} name="proof" label={labels.proof as string} hint={view.proofKept ? t('register.proofKept', { name: view.proofKept.name }) : t('register.proofHint')}>
            <input id="proof" name="proof" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" aria-describedby="proof-hint" aria-invalid={view.problems.proof ? true : undefined} data-read="receipt" />
          </Field>
        </ReceiptOptions>

        {owner ? (
          <p>
            {t('register.signedInAs', { name: owner.name, email: owner.email })}{' '}
            <a href={sitePath(brand, '/sign-out')}>{t('register.notYou')}</a>
          </p>
        ) : null}
        {askOwner.size > 0 ? <h2>{t('register.aboutYou')}</h2> : null}
        {asks('name') ? <Field state={state} name="name" label={labels.name as string} required autoComplete="name" /> : null}
        {asks('email') ? <Field state={state} name="email" type="email" label={labels.email as string} required autoComplete="email" inputMode="email" /> : null}
        {asks('address') ? <Field state={state} name="address" label={labels.address as string} required autoComplete="street-address" /> : null}
        {asks('city') ? <Field state={state} name="city" label={labels.city as string} required autoComplete="address-level2" /> : null}
        {asks('region') ? <Field state={state} name="region" label={labels.region as string} required autoComplete="address-level1" /> : null}
        {asks('postal_code') ? <Field state={state} name="postal_code" label={labels.postal_code as string} required autoComplete="postal-code" /> : null}
        {asks('country') && settings.countries.length > 1 ? (
          <Field state={state} name="country" label={labels.country as string} required>
            <select id="country" name="country" defaultValue={country} autoComplete="country" aria-invalid={view.problems.country ? true : undefined} aria-describedby={view.problems.country ? 'country-error' : undefined}>
              {settings.countries.map((code) => <option key={code} value={code}>{countryName(code, language)}</option>)}
            </select>
          </Field>
        ) : null}
        {asks('phone') ? <Field state={state} name="phone" type="tel" label={labels.phone as string} hint={t('register.phoneHint')} autoComplete="tel" inputMode="tel" /> : null}

        {safety ? null : <Consents page={page} view={view} state={state} />}
        {rightsStatements(settings, country, language, t).map((statement) => <p key={statement} className="legal">{statement}</p>)}
        <button type="submit">{t('register.submit')}</button>
      </form>
      <PhotoScript />
    </>
  );
}

function Consents({ page, view, state }: { page: PageContext; view: RegistrationFormView; state: FieldState }) {
  const { t } = page;
  const wordings = consentWordings(view.settings, page);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '1rem 0 0' }}>
      <legend><strong>{t('register.consentTitle')}</strong></legend>
      {(['email', 'sms'] as const).map((channel) => (
        <label key={channel} className="check" htmlFor={`consent_${channel}`}>
          <input type="checkbox" id={`consent_${channel}`} name={`consent_${channel}`} defaultChecked={view.values[`consent_${channel}`] === 'on'} aria-describedby={state.problems[`consent_${channel}`] ? `consent_${channel}-error` : undefined} />
          <span>{wordings[channel].text}</span>
        </label>
      ))}
      <ErrorText state={state} name="consent_sms" />
      <p className="hint">{t('register.consentNote')}</p>
    </fieldset>
  );
}

export function countryName(code: string, language: string): string {
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}

export function monthName(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
