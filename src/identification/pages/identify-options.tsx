import type { ReactNode } from 'react';
import type { PageContext } from '../../owner-site/page.tsx';
import { sitePath } from '../../owner-site/brand-site.ts';
import { scannerBaseUrl } from '../scanner/scanner-assets.ts';
import { closeMargin, sureConfidence } from '../label-types.ts';
import type { LabelReadView, ReceiptReadView } from './photo-read-view.ts';

/** The route the form's photo buttons post the whole form to, when there is no script to do it in place. */
export function photoFormAction(page: PageContext): string {
  return sitePath(page.brand, '/register/photo');
}

// The script's strings, in the page's language; it speaks only through these.
const scriptMessages = [
  'scanTitle', 'scanning', 'close', 'cameraDenied', 'scanFailed', 'checking', 'uploading', 'reading', 'uploadFailed', 'checkValues',
  'confirmNeeded', 'pickSerial', 'pickModel', 'cropAlt', 'checkReceipt', 'receiptNothing', 'receiptKept',
  'problem_no_label', 'problem_unreadable', 'problem_busy', 'problem_not_an_image', 'problem_too_large', 'problem_too_small', 'problem_too_many',
] as const;

function messagesFor(page: PageContext): string {
  return JSON.stringify(Object.fromEntries(scriptMessages.map((key) => [key, page.t(`identify.${key}`)])));
}

const boxStyle = { borderLeft: '4px solid var(--brand)', padding: '.25rem 0 .25rem .75rem', margin: '1rem 0' } as const;
const cropStyle = { display: 'block', maxWidth: '100%', maxHeight: '160px', border: '1px solid #c9ccd1', borderRadius: '6px', margin: '.5rem 0' } as const;

/**
 * Where the serial is asked: scan the code on the product (with a script and a camera), or photograph
 * the rating label (a file input that works without a script: the form goes to the server, which reads
 * the photo and sends the form back filled in). After a photo, what was read and the crop it came from.
 */
export function LabelOptions({ page, modelId, read }: { page: PageContext; modelId: string | null; read: LabelReadView | null }) {
  const { t, brand } = page;
  return (
    <div
      data-identify=""
      data-model={modelId ?? ''}
      data-code-url={sitePath(brand, '/identify/code')}
      data-label-url={sitePath(brand, '/identify/label')}
      data-register-url={sitePath(brand, '/register')}
      data-sure={sureConfidence}
      data-margin={closeMargin}
      data-messages={messagesFor(page)}
      style={boxStyle}
    >
      {modelId ? <strong>{t('identify.instead')}</strong> : null}
      {modelId === null && read?.readId ? <input type="hidden" name="photo_read_id" value={read.readId} /> : null}
      <button type="button" className="secondary" data-scan="" hidden style={{ display: 'none' }}>{t('identify.scan')}</button>
      <label htmlFor="label_photo">{t('identify.labelPhoto')}</label>
      <span className="hint" id="label_photo-hint">{t('identify.labelPhotoHint')}</span>
      <input id="label_photo" name="label_photo" type="file" accept="image/*" capture="environment" data-read="label" aria-describedby="label_photo-hint" />
      <button type="submit" className="secondary" formAction={photoFormAction(page)} formNoValidate name="read" value="label" data-without-script="">{t('identify.readLabel')}</button>
      <progress hidden max={1} aria-label={t('identify.uploading')} style={{ width: '100%' }} />
      <div data-result="">{read ? <LabelResult page={page} read={read} /> : null}</div>
      <p role="status" data-status="" className={read?.problem ? 'error' : undefined}>{read ? labelStatus(page, read) : null}</p>
    </div>
  );
}

function labelStatus(page: PageContext, read: LabelReadView): string {
  if (read.problem) return page.t(`identify.problem_${read.problem}`);
  return read.serial ? page.t('identify.checkValues') : page.t('identify.confirmNeeded');
}

function LabelResult({ page, read }: { page: PageContext; read: LabelReadView }) {
  const { t } = page;
  if (read.problem) return null;
  return (
    <>
      {read.cropUrl ? <img src={read.cropUrl} alt={t('identify.cropAlt')} style={cropStyle} /> : null}
      {read.switchedModel && read.model ? <p>{t('identify.otherModel', { product: read.model.name })}</p> : null}
      <ul className="plain">
        {read.model ? <li>{t('identify.readModel', { product: read.model.name })}</li> : null}
        {read.serial ? <li>{t('identify.readSerial', { serial: read.serial })}</li> : null}
      </ul>
      {read.modelChoices.length > 0 ? (
        <Choices legend={t('identify.pickModel')}>
          {read.modelChoices.map((choice) => (
            <button key={choice.id} type="submit" className="secondary" formAction={photoFormAction(page)} formNoValidate name="pick_model" value={choice.id}>{choice.name}</button>
          ))}
        </Choices>
      ) : null}
      {read.serialChoices.length > 0 ? (
        <Choices legend={t('identify.pickSerial')}>
          {read.serialChoices.map((serial) => (
            <button key={serial} type="submit" className="secondary" formAction={photoFormAction(page)} formNoValidate name="pick_serial" value={serial}>{serial}</button>
          ))}
        </Choices>
      ) : null}
    </>
  );
}

function Choices({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '.5rem 0' }}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The start page's way to the right product without choosing it from a list: its code or its label. */
export function ChooseByLabel({ page, read }: { page: PageContext; read: LabelReadView | null }) {
  return (
    <>
      <form method="post" action={photoFormAction(page)} encType="multipart/form-data" noValidate className="card">
        <h2>{page.t('identify.chooseOr')}</h2>
        <LabelOptions page={page} modelId={null} read={read} />
      </form>
      <PhotoScript />
    </>
  );
}

/**
 * Beside the proof of purchase: with a script, choosing a photo of the receipt fills the date and the
 * store in place; without, a button sends the form to be read and back. The receipt stays the proof.
 */
export function ReceiptOptions({ page, read, children }: { page: PageContext; read: ReceiptReadView | null; children: ReactNode }) {
  const { t, brand } = page;
  return (
    <div data-identify="" data-receipt-url={sitePath(brand, '/identify/receipt')} data-messages={messagesFor(page)}>
      {children}
      <span className="hint">{t('identify.receiptHint')}</span>
      <button type="submit" className="secondary" formAction={photoFormAction(page)} formNoValidate name="read" value="receipt" data-without-script="">{t('identify.readReceipt')}</button>
      <progress hidden max={1} aria-label={t('identify.uploading')} style={{ width: '100%' }} />
      <p role="status" data-status="" className={read && (read.problem || (!read.purchaseDate && !read.retailer)) ? 'error' : undefined}>{read ? receiptStatus(page, read) : null}</p>
    </div>
  );
}

function receiptStatus(page: PageContext, read: ReceiptReadView): string {
  const { t } = page;
  // "No label" and "unreadable" speak of labels; on a receipt they mean nothing could be read.
  if (read.problem && read.problem !== 'no_label' && read.problem !== 'unreadable') return t(`identify.problem_${read.problem}`);
  const details = [
    read.purchaseDate ? t('identify.receiptDate', { date: read.purchaseDate }) : null,
    read.retailer ? t('identify.receiptStore', { store: read.retailer }) : null,
    read.amount ? t('identify.receiptAmount', { amount: read.amount }) : null,
  ].filter(Boolean).join(', ');
  if (!read.purchaseDate && !read.retailer) return t('identify.receiptNothing');
  return `${t('identify.receiptRead', { details })} ${t('identify.checkReceipt')}`;
}

// Runs where the page is read: shows what needs a script, hides the buttons only a page without one
// needs, and imports the camera scanner or the photo reader only when the owner asks for it. A
// browser too old for this syntax never runs it, and keeps the page as it works without a script.
const loader = `(()=>{const base=document.currentScript.dataset.base;const all=(s)=>document.querySelectorAll(s);
const show=(e,on)=>{e.hidden=!on;e.style.display=on?'':'none'};const plain=(on)=>{for(const e of all('[data-without-script]'))show(e,on)};
const load=(name)=>import(base+name).catch((e)=>{plain(true);throw e});
if(navigator.mediaDevices&&navigator.mediaDevices.getUserMedia)for(const e of all('[data-scan]'))show(e,true);plain(false);
document.addEventListener('click',(e)=>{const b=e.target instanceof Element&&e.target.closest('[data-scan]');if(b){e.preventDefault();load('camera-scan.js').then((x)=>x.scan(b))}});
document.addEventListener('change',(e)=>{const i=e.target;if(!(i instanceof HTMLInputElement)||!i.dataset.read||!i.files||!i.files.length)return;
if(i.dataset.read==='label'||/^image\\//.test(i.files[0].type))load('photo-read.js').then((x)=>x.readPhoto(i))})})()`.replace(/\n/g, '');

/** The page's only inline script: a few hundred bytes; the scanner itself loads when asked for. */
export function PhotoScript() {
  return <script data-base={scannerBaseUrl()} dangerouslySetInnerHTML={{ __html: loader }} />;
}
