// @ts-check
// Reading a photo of the rating label or the receipt: sent to OpenOX's reader with the upload's progress
// shown; what is read fills the form for the owner to check. Loaded only when the owner chooses a photo.
import { formOf, messagesOf, say, sectionOf, setField, watchSerial } from './page-form.js';

/** @typedef {{ value: string, modelId?: string, confidence: number }} Proposal */
/**
 * @typedef {{ model: Proposal | null, serial: Proposal | null, candidates: { models: Proposal[], serials: Proposal[] } }} LabelRead
 * @typedef {{ purchaseDate: { value: string } | null, retailer: { value: string } | null }} ReceiptRead
 */

/**
 * Sends the chosen photo to OpenOX's reader with the upload's progress shown, and fills the fields it
 * read for the owner to check. Values it is not sure of are offered as choices, never filled in.
 * @param {HTMLInputElement} input
 */
export async function readPhoto(input) {
  const section = sectionOf(input);
  const messages = messagesOf(section);
  const file = input.files?.[0];
  if (!file) return;
  const kind = input.dataset.read === 'receipt' ? 'receipt' : 'label';
  const url = kind === 'receipt' ? section.dataset.receiptUrl : section.dataset.labelUrl;
  const progress = section.querySelector('progress');
  const result = section.querySelector('[data-result]');
  if (result instanceof HTMLElement) result.replaceChildren();
  const body = new FormData();
  body.append('photo', file, file.name);
  say(section, messages.uploading ?? '');
  if (progress) {
    progress.hidden = false;
    progress.value = 0;
  }
  /** @type {{ status: number, json: any }} */
  let answer;
  try {
    answer = await upload(url ?? '', body, (share) => {
      if (!progress) return;
      progress.value = share;
      // Sent: OCR takes its second; a moving bar says it is working.
      if (share >= 1) {
        progress.removeAttribute('value');
        say(section, messages.reading ?? '');
      }
    });
  } catch {
    say(section, messages.uploadFailed ?? '', 'error');
    return;
  } finally {
    if (progress) progress.hidden = true;
  }
  if (answer.status >= 400 || !answer.json?.read) {
    const problem = answer.json?.error?.details?.problem;
    // "No label" speaks of labels; on a receipt it means nothing could be read, and the file stays the proof.
    const receiptUnread = kind === 'receipt' && (problem === 'no_label' || problem === 'unreadable');
    say(section, (receiptUnread ? messages.receiptNothing : answer.json?.error?.message) ?? messages.uploadFailed ?? '', 'error');
    return;
  }
  if (kind === 'label') showLabel(section, input, answer.json);
  else showReceipt(section, input, answer.json);
}

/**
 * @param {string} url
 * @param {FormData} body
 * @param {(share: number) => void} onProgress
 * @returns {Promise<{ status: number, json: any }>}
 */
function upload(url, body, onProgress) {
  // XMLHttpRequest, not fetch: only it reports how much of an upload has gone.
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('accept', 'application/json');
    request.upload.addEventListener('progress', (event) => event.lengthComputable && onProgress(event.loaded / event.total));
    request.upload.addEventListener('load', () => onProgress(1));
    request.addEventListener('load', () => {
      let json = null;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        json = null;
      }
      resolve({ status: request.status, json });
    });
    request.addEventListener('error', () => reject(new Error('Network')));
    request.send(body);
  });
}

/**
 * A value is filled in only when the reader is confident and no different reading comes close: the
 * same rule the page applies without a script (thresholds from the server, on the section).
 * @param {HTMLElement} section
 * @param {Proposal | null} proposal
 * @param {Proposal[]} candidates
 * @param {(p: Proposal) => string | undefined} key
 */
function isSure(section, proposal, candidates, key) {
  if (!proposal) return false;
  const sure = Number(section.dataset.sure);
  const margin = Number(section.dataset.margin);
  return proposal.confidence >= sure && candidates.every((rival) => key(rival) === key(proposal) || proposal.confidence - rival.confidence >= margin);
}

/**
 * @param {HTMLElement} section
 * @param {HTMLInputElement} input
 * @param {{ photoReadId: string, read: LabelRead, cropUrl: string }} answer
 */
function showLabel(section, input, answer) {
  const messages = messagesOf(section);
  const form = formOf(section);
  const { read } = answer;
  const pageModel = section.dataset.model || null;
  const model = isSure(section, read.model, read.candidates.models, (p) => p.modelId) ? read.model : null;
  const modelId = model?.modelId ?? pageModel;
  const serial = read.serial && isSure(section, read.serial, read.candidates.serials, (p) => p.value) && (!read.serial.modelId || !modelId || read.serial.modelId === modelId) ? read.serial.value : null;
  // The photo is read: it is not sent again with the form.
  input.value = '';

  // Another product than this page's, or none chosen yet: that product's page, with what was read.
  if (model?.modelId && model.modelId !== pageModel) {
    const query = new URLSearchParams({ model: model.modelId, read: answer.photoReadId });
    if (serial) query.set('serial', serial);
    window.location.assign(`${section.dataset.registerUrl}?${query}`);
    return;
  }
  setField(form, 'photo_read_id', answer.photoReadId);
  if (serial) fillSerial(form, serial);

  const result = section.querySelector('[data-result]');
  if (result instanceof HTMLElement) {
    const crop = document.createElement('img');
    crop.src = answer.cropUrl;
    crop.alt = messages.cropAlt ?? '';
    crop.style.cssText = 'display:block;max-width:100%;max-height:160px;border:1px solid #c9ccd1;border-radius:6px;margin:.5rem 0';
    result.append(crop);
    const models = unique(read.candidates.models.filter((c) => c.modelId && c.modelId !== pageModel), (c) => c.modelId);
    if (!model && models.length > 0) {
      result.append(choiceList(messages.pickModel ?? '', models.map((c) => c.value), (value) => {
        const chosen = models.find((c) => c.value === value);
        window.location.assign(`${section.dataset.registerUrl}?${new URLSearchParams({ model: chosen?.modelId ?? '', read: answer.photoReadId })}`);
      }));
    }
    const serials = unique(read.candidates.serials.filter((c) => !modelId || !c.modelId || c.modelId === modelId), (c) => c.value);
    if (!serial && serials.length > 0) {
      result.append(choiceList(messages.pickSerial ?? '', serials.map((c) => c.value), (value) => {
        fillSerial(form, value);
        say(section, messages.checkValues ?? '');
      }));
    }
  }
  say(section, serial ? messages.checkValues ?? '' : messages.confirmNeeded ?? '');
  const field = form?.elements.namedItem('serial');
  if (field instanceof HTMLInputElement) field.focus();
}

/**
 * @param {HTMLFormElement | null} form
 * @param {string} serial
 */
function fillSerial(form, serial) {
  setField(form, 'serial', serial);
  setField(form, 'identified_by', 'photo');
  watchSerial(form, serial);
}

/**
 * @template T
 * @param {T[]} items
 * @param {(item: T) => string | undefined} key
 */
function unique(items, key) {
  const seen = new Set();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item))).slice(0, 4);
}

/**
 * @param {string} legend
 * @param {string[]} values
 * @param {(value: string) => void} onPick
 */
function choiceList(legend, values, onPick) {
  const group = document.createElement('fieldset');
  group.style.cssText = 'border:0;padding:0;margin:.5rem 0';
  const title = document.createElement('legend');
  title.textContent = legend;
  group.append(title);
  for (const value of values) {
    const choice = document.createElement('button');
    choice.type = 'button';
    choice.className = 'secondary';
    choice.textContent = value;
    choice.addEventListener('click', () => onPick(value));
    group.append(choice);
  }
  return group;
}

/**
 * @param {HTMLElement} section
 * @param {HTMLInputElement} input
 * @param {{ photoReadId: string, read: ReceiptRead, proofFileId: string | null }} answer
 */
function showReceipt(section, input, answer) {
  const messages = messagesOf(section);
  const form = formOf(section);
  const { read } = answer;
  setField(form, 'receipt_read_id', answer.photoReadId);
  // The reader kept the receipt (upright, without its metadata): that copy is the proof, not sent again.
  if (answer.proofFileId) {
    setField(form, 'proof_file_id', answer.proofFileId);
    input.value = '';
  }
  if (read.purchaseDate) setField(form, 'purchase_date', read.purchaseDate.value);
  if (read.retailer) {
    const select = form?.elements.namedItem('retailer');
    const listed = select instanceof HTMLSelectElement && [...select.options].some((option) => option.value === read.retailer?.value);
    if (listed) setField(form, 'retailer', read.retailer.value);
    else if (select instanceof HTMLSelectElement) {
      setField(form, 'retailer', 'other');
      setField(form, 'retailer_other', read.retailer.value);
    } else setField(form, 'retailer_other', read.retailer.value);
  }
  const filled = Boolean(read.purchaseDate || read.retailer);
  const kept = answer.proofFileId ? ` ${messages.receiptKept ?? ''}` : '';
  say(section, `${filled ? messages.checkReceipt ?? '' : messages.receiptNothing ?? ''}${kept}`, filled ? 'info' : 'error');
}
