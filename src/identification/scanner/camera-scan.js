// @ts-check
// Scanning a code with the camera: the browser's BarcodeDetector where it reads these formats, otherwise
// zxing-wasm, both served by OpenOX (no CDN). Loaded by the page's loader only when the owner taps "Scan".
import { formOf, messagesOf, say, sectionOf, setField, watchSerial } from './page-form.js';

const base = new URL('.', import.meta.url).pathname;
// What the registration asks for: GS1 Digital Link QR codes, GS1-128 / Code 128, Code 39, Data Matrix, UPC/EAN.
const detectorFormats = ['qr_code', 'data_matrix', 'code_128', 'code_39', 'ean_13', 'ean_8', 'upc_a', 'upc_e'];
const zxingFormats = ['QRCode', 'DataMatrix', 'Code128', 'Code39', 'EAN13', 'EAN8', 'UPCA', 'UPCE'];
const zxingNames = /** @type {Record<string, string>} */ ({ QRCode: 'qr_code', DataMatrix: 'data_matrix', Code128: 'code_128', Code39: 'code_39', EAN13: 'ean_13', EAN8: 'ean_8', UPCA: 'upc_a', UPCE: 'upc_e' });

/** @typedef {{ text: string, format: string }} Decoded */
/** @typedef {(video: HTMLVideoElement) => Promise<Decoded[]>} Detect */

/**
 * The browser's BarcodeDetector where it reads these formats, otherwise zxing-wasm from OpenOX.
 * @returns {Promise<Detect>}
 */
async function detector() {
  const Detector = /** @type {any} */ (globalThis).BarcodeDetector;
  if (Detector) {
    const supported = /** @type {string[]} */ (await Detector.getSupportedFormats().catch(() => []));
    const formats = detectorFormats.filter((format) => supported.includes(format));
    if (formats.length > 0) {
      const native = new Detector({ formats });
      return async (video) => /** @type {{ rawValue: string, format: string }[]} */ (await native.detect(video)).map((code) => ({ text: code.rawValue, format: code.format }));
    }
  }
  const zxing = await loadZxing();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D canvas');
  return async (video) => {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    if (canvas.width === 0) return [];
    context.drawImage(video, 0, 0);
    const results = /** @type {{ isValid: boolean, text: string, format: string }[]} */ (
      await zxing.readBarcodes(context.getImageData(0, 0, canvas.width, canvas.height), { formats: zxingFormats, tryHarder: true, maxNumberOfSymbols: 4 })
    );
    return results.filter((result) => result.isValid).map((result) => ({ text: result.text, format: zxingNames[result.format] ?? result.format }));
  };
}

/** @returns {Promise<any>} zxing-wasm's reader, its .wasm fetched from OpenOX. */
async function loadZxing() {
  const global = /** @type {any} */ (globalThis);
  if (!global.ZXingWASM) {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${base}zxing-reader.js`;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }
  const zxing = global.ZXingWASM;
  await zxing.prepareZXingModule({ overrides: { locateFile: (/** @type {string} */ file) => `${base}${file}` }, fireImmediately: true });
  return zxing;
}

/**
 * Opens the camera over the page until a code is read or the owner closes it, then asks OpenOX what the
 * code says (a GS1 Digital Link, a GS1-128 element string, a GTIN or a bare serial) and fills the form.
 * @param {HTMLElement} button
 */
export async function scan(button) {
  const section = sectionOf(button);
  const messages = messagesOf(section);
  const dialog = document.createElement('dialog');
  dialog.className = 'scanner';
  dialog.style.cssText = 'width:min(100vw - 1rem,34rem);max-width:none;padding:.75rem;border:0;border-radius:10px';
  dialog.setAttribute('aria-label', messages.scanTitle ?? '');
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('aria-hidden', 'true');
  video.style.cssText = 'display:block;width:100%;border-radius:6px;background:#000';
  const hint = document.createElement('p');
  hint.setAttribute('role', 'status');
  hint.textContent = messages.scanning ?? '';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'secondary';
  close.textContent = messages.close ?? 'Close';
  dialog.append(video, hint, close);
  document.body.append(dialog);
  dialog.showModal();

  /** @type {MediaStream | null} */
  let stream = null;
  let open = true;
  const finish = () => {
    open = false;
    stream?.getTracks().forEach((track) => track.stop());
    dialog.close();
    dialog.remove();
    button.focus();
  };
  close.addEventListener('click', finish);
  dialog.addEventListener('cancel', finish);

  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 } }, audio: false });
    video.srcObject = stream;
    await video.play();
    const detect = await detector();
    while (open) {
      const found = (await detect(video).catch(() => []))[0];
      if (found) {
        finish();
        await useCode(section, found);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  } catch (error) {
    finish();
    const denied = error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'NotFoundError');
    say(section, (denied ? messages.cameraDenied : messages.scanFailed) ?? '', 'error');
  }
}

/**
 * @param {HTMLElement} section
 * @param {Decoded} code
 */
async function useCode(section, code) {
  const messages = messagesOf(section);
  const form = formOf(section);
  say(section, messages.checking ?? '');
  /** @type {{ outcome: string, message: string, serial?: string, identifiedBy?: string, url?: string }} */
  let answer;
  try {
    const response = await fetch(section.dataset.codeUrl ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ text: code.text, format: code.format, modelId: section.dataset.model || null }),
    });
    answer = await response.json();
  } catch {
    say(section, messages.uploadFailed ?? '', 'error');
    return;
  }
  if (answer.outcome === 'open' && answer.url) {
    window.location.assign(answer.url);
    return;
  }
  if (answer.outcome === 'filled' && answer.serial) {
    setField(form, 'serial', answer.serial);
    setField(form, 'identified_by', answer.identifiedBy ?? 'barcode');
    watchSerial(form, answer.serial);
  }
  say(section, answer.message, answer.outcome === 'unknown' ? 'error' : 'info');
}
