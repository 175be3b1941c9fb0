import { describe, expect, it } from 'vitest';
import { confusableChars, confusableDigits, ocrSlips } from '../../shared/normalize/ocr-confusions.js';

describe('OCR confusions: which differences a misread could explain', () => {
  it('knows the digit pairs scans confuse and not the others', () => {
    expect(confusableDigits('3', '8')).toBe(true);
    expect(confusableDigits('8', '3')).toBe(true);
    expect(confusableDigits('1', '7')).toBe(true);
    expect(confusableDigits('2', '9')).toBe(false);
    expect(confusableDigits('4', '0')).toBe(false);
  });

  it('takes a letter for its lookalike digit and case for case', () => {
    expect(confusableChars('O', '0')).toBe(true);
    expect(confusableChars('S', '5')).toBe(true);
    expect(confusableChars('l', '1')).toBe(true);
    expect(confusableChars('a', 'A')).toBe(true);
    expect(confusableChars('K', '4')).toBe(false);
  });

  it('explains a PIN read 3 for 8 but not one that is another number', () => {
    expect(ocrSlips('4831', '4331')).toEqual({ slips: 1, explained: true });
    expect(ocrSlips('4831', '4297')).toEqual({ slips: 3, explained: false });
    expect(ocrSlips('4831', '48310').explained).toBe(false);
    expect(ocrSlips('12B4', '1284')).toEqual({ slips: 1, explained: true });
  });
});
