import { describe, expect, it } from 'vitest';
import { type SymbolReading, boxKey, closeRivals, closeRivalMargin, symbolsByWordBox } from './ocr-choices.ts';

/** A word of hOCR as tesseract writes it with `lstm_choice_mode` 2 and `hocr_char_boxes` 1. */
function hocrWord(box: string, characters: readonly [string, readonly [string, number][]][]): string {
  const spans = characters.map(
    ([text, choices], i) =>
      `     <span class='ocrx_cinfo' title='x_bboxes 0 0 1 1; x_conf 98.5'>${text}</span>\n` +
      `      <span class='ocrx_cinfo' id='lstm_choices_1_1_${i}'>\n` +
      choices.map(([choice, confidence], j) => `       <span class='ocrx_cinfo' id='choice_1_1_${i}_${j}' title='x_confs ${confidence}'>${choice}</span>\n`).join('') +
      '      </span>\n',
  );
  return `    <span class='ocrx_word' id='word_1_1' title='bbox ${box}; x_wconf 77'>\n${spans.join('')}    </span>\n`;
}

const symbol = (text: string, ...choices: [string, number][]): SymbolReading => ({ text, choices: choices.map(([choice, confidence]) => ({ text: choice, confidence })) });

describe("tesseract's per-character choices", () => {
  it('reads each character of each word with its choices, by word box, HTML entities undone', () => {
    const hocr =
      "<div class='ocr_page'>\n  <span class='ocr_line' id='line_1_1' title=\"bbox 482 299 736 333\">\n" +
      hocrWord('482 299 520 333', [
        ['L', [['L', 93.2], [',', 0]]],
        ['0', [['0', 91.17], ['6', 42.56], ['O', 8.78]]],
      ]) +
      hocrWord('530 299 560 333', [
        ['&amp;', [['&amp;', 90], ['&#39;', 12.5]]],
        ['7', [['7', 94.2]]],
      ]) +
      '  </span>\n</div>';
    const words = symbolsByWordBox(hocr);
    expect([...words.keys()]).toEqual([boxKey({ x0: 482, y0: 299, x1: 520, y1: 333 }), boxKey({ x0: 530, y0: 299, x1: 560, y1: 333 })]);
    expect(words.get('482,299,520,333')).toEqual([symbol('L', ['L', 93.2], [',', 0]), symbol('0', ['0', 91.17], ['6', 42.56], ['O', 8.78])]);
    expect(words.get('530,299,560,333')).toEqual([symbol('&', ['&', 90], ["'", 12.5]), symbol('7', ['7', 94.2])]);
  });

  it('finds no characters in hOCR written without choices or character boxes', () => {
    const plain = "<span class='ocrx_word' id='word_1_1' title='bbox 1 2 3 4; x_wconf 90'>AB12</span>";
    expect(symbolsByWordBox(plain).get('1,2,3,4')).toEqual([]);
  });
});

describe('close rivals of the characters read', () => {
  // LY10776204 off a noisy label: the 6 was a 0, which was the 6's runner-up (seen on the evaluation set).
  const misread = [symbol('L', ['L', 93]), symbol('Y', ['Y', 95]), symbol('7', ['7', 94]), symbol('6', ['6', 89.57], ['0', 41.85], ['8', 0])];

  it('names a character whose runner-up letter or digit came within the margin, at its place in the word', () => {
    expect(closeRivals(misread)).toEqual([{ at: 3, rival: '0' }]);
  });

  it('ignores a runner-up further than the margin below the character read', () => {
    expect(closeRivals([symbol('6', ['6', 90], ['0', 90 - closeRivalMargin - 1])])).toEqual([]);
    expect(closeRivals([symbol('6', ['6', 90], ['0', 90 - closeRivalMargin + 1])])).toEqual([{ at: 0, rival: '0' }]);
  });

  it('counts a runner-up read above the character chosen', () => {
    // The beam search may keep a character whose own choice confidence is lower than another's.
    expect(closeRivals([symbol('6', ['6', 79], ['0', 80])])).toEqual([{ at: 0, rival: '0' }]);
  });

  it('takes the strongest rival of a character, in capitals', () => {
    expect(closeRivals([symbol('8', ['8', 92], ['b', 70], ['6', 59])])).toEqual([{ at: 0, rival: 'B' }]);
  });

  it('does not count the same letter in the other case, punctuation, symbols, or no confidence at all', () => {
    expect(closeRivals([symbol('C', ['C', 79], ['c', 64], ['€', 56], ['(', 49]), symbol('-', ['-', 92], ['~', 42]), symbol('0', ['0', 40], ['6', 0])])).toEqual([]);
  });

  it('cannot weigh choices that do not include the character read', () => {
    expect(closeRivals([symbol('6', ['0', 80], ['8', 70])])).toEqual([]);
  });

  it('places rivals after characters longer than one code unit', () => {
    expect(closeRivals([symbol('𝟘', ['𝟘', 90]), symbol('5', ['5', 80], ['3', 75])])).toEqual([{ at: 2, rival: '3' }]);
  });
});
