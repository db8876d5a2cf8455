// @ts-check
// What the camera scanner and the photo reader share: the page's strings, its status line and its form
// fields. The registration page works without these modules (the photo goes with the form and the
// server reads it). They are served as they are by OpenOX (no bundler, no CDN), so they are plain
// modern JavaScript, type-checked through their JSDoc (tsconfig.json beside them).

/**
 * The strings of the page's language, which the server put on the section.
 * @param {HTMLElement} section
 * @returns {Record<string, string>}
 */
export function messagesOf(section) {
  return JSON.parse(section.dataset.messages ?? '{}');
}

/**
 * @param {Element} element
 * @returns {HTMLElement}
 */
export function sectionOf(element) {
  const section = element.closest('[data-identify]');
  if (!(section instanceof HTMLElement)) throw new Error('The scanner needs its [data-identify] section.');
  return section;
}

/**
 * @param {HTMLElement} section
 * @param {string} text
 * @param {'info' | 'error'} [tone]
 */
export function say(section, text, tone = 'info') {
  const status = section.querySelector('[data-status]');
  if (!(status instanceof HTMLElement)) return;
  status.textContent = text;
  status.className = tone === 'error' ? 'error' : '';
}

/** @returns {HTMLFormElement | null} */
export function formOf(/** @type {Element} */ element) {
  return element.closest('form');
}

/**
 * Sets a field of the registration form, telling anything listening (the browser's own checks) it changed.
 * @param {HTMLFormElement | null} form
 * @param {string} name
 * @param {string} value
 */
export function setField(form, name, value) {
  const field = form?.elements.namedItem(name);
  if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  if (form && field === null && value) {
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = name;
    hidden.value = value;
    form.append(hidden);
  }
}

/**
 * A serial the owner retypes after a scan or a photo was not identified by it.
 * @param {HTMLFormElement | null} form
 * @param {string} filled
 */
export function watchSerial(form, filled) {
  const serial = form?.elements.namedItem('serial');
  if (!(serial instanceof HTMLInputElement)) return;
  serial.addEventListener('input', () => {
    if (serial.value.replace(/\s+/g, '').toUpperCase() !== filled) setField(form, 'identified_by', 'typed');
  });
}

