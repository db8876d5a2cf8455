import { describe, expect, it } from 'vitest';
import type { LabelRead, Proposal } from '../label-types.ts';
import { labelReadView } from './photo-read-view.ts';

const names = new Map([['kettle', 'Foto Kettle'], ['toaster', 'Foto Toaster']]);
const extra = { readId: 'read-1', cropUrl: '/crop' };
const proposal = (value: string, modelId: string, confidence: number): Proposal => ({ value, modelId, confidence, source: 'ocr' });
const read = (overrides: Partial<LabelRead>): LabelRead => ({
  method: 'ocr', model: null, serial: null, manufacturedOn: null, needsConfirmation: false, candidates: { models: [], serials: [] }, crop: null, durationMs: 500, problem: null, ...overrides,
});

describe('what the form fills in from a label read', () => {
  it('fills a confident model and serial, with the date the serial encodes', () => {
    const kettle = proposal('KT-100', 'kettle', 0.95);
    const serial = proposal('KT123456', 'kettle', 0.93);
    const view = labelReadView(read({ model: kettle, serial, manufacturedOn: '2026-03-02', candidates: { models: [kettle], serials: [serial] } }), names, 'kettle', extra);
    expect(view).toMatchObject({ model: { id: 'kettle', name: 'Foto Kettle' }, serial: 'KT123456', manufacturedOn: '2026-03-02', serialChoices: [], modelChoices: [], switchedModel: false });
  });

  it('never fills a serial with a close rival or low confidence: both are offered as choices', () => {
    const tie = read({ serial: proposal('KT111111', 'kettle', 0.9), needsConfirmation: true, candidates: { models: [], serials: [proposal('KT111111', 'kettle', 0.9), proposal('KT222222', 'kettle', 0.85)] } });
    expect(labelReadView(tie, names, 'kettle', extra)).toMatchObject({ serial: null, serialChoices: ['KT111111', 'KT222222'] });
    const unsure = read({ serial: proposal('KT111111', 'kettle', 0.6), candidates: { models: [], serials: [proposal('KT111111', 'kettle', 0.6)] } });
    expect(labelReadView(unsure, names, 'kettle', extra)).toMatchObject({ serial: null, serialChoices: ['KT111111'] });
  });

  it('switches to the product on the label, and offers products to choose when two are close', () => {
    const toaster = proposal('TS-200', 'toaster', 1);
    expect(labelReadView(read({ model: toaster, candidates: { models: [toaster], serials: [] } }), names, 'kettle', extra)).toMatchObject({ model: { id: 'toaster' }, switchedModel: true });
    const two = read({ needsConfirmation: true, candidates: { models: [proposal('KT-100', 'kettle', 0.7), proposal('TS-200', 'toaster', 0.68)], serials: [] } });
    expect(labelReadView(two, names, null, extra)).toMatchObject({ model: null, modelChoices: [{ id: 'kettle', name: 'Foto Kettle' }, { id: 'toaster', name: 'Foto Toaster' }] });
  });

  it('leaves out a serial of another product than the form’s', () => {
    const view = labelReadView(read({ serial: proposal('TS-26100001', 'toaster', 0.95), candidates: { models: [], serials: [proposal('TS-26100001', 'toaster', 0.95)] } }), names, 'kettle', extra);
    expect(view).toMatchObject({ serial: null, serialChoices: [] });
  });
});
