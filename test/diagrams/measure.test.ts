// Labels are wrapped to the box drawn for them (src/diagrams/measure.ts): whole words where they
// fit, and a word too wide for any line broken after one of its parts before inside a name.
import { describe, expect, it } from 'vitest';
import { textWidth, wrap } from '../../src/diagrams/measure.ts';

const PX = 12;
const width = (s: string) => textWidth(s, PX);

describe('wrap', () => {
  it('keeps words whole where they fit', () => {
    expect(wrap('Reserve stock for an order', PX, width('Reserve stock for'))).toEqual(['Reserve stock for', 'an order']);
    expect(wrap('POST /v1/payment_intents', PX, width('/v1/payment_intents'))).toEqual(['POST', '/v1/payment_intents']);
  });

  it('breaks a path after a segment, filling the line it starts on, not inside a name', () => {
    // Before: "POST" / "/v1/payment_" / "intents".
    expect(wrap('POST /v1/payment_intents', PX, width('payment_intents'))).toEqual(['POST /v1/', 'payment_intents']);
    expect(wrap('GET /v1/customers/cus_123/payment_methods', PX, width('GET /v1/customers/'))).toEqual(['GET /v1/customers/', 'cus_123/', 'payment_methods']);
  });

  it('breaks a dotted name after a part, and a name without parts after its joiners', () => {
    expect(wrap('payment_intent.succeeded', PX, width('payment_intent.'))).toEqual(['payment_intent.', 'succeeded']);
    expect(wrap('payment_intent_succeeded_event', PX, width('payment_intent_s'))).toEqual(['payment_intent_', 'succeeded_event']);
  });

  it('cuts a word with no separator where it must, never wider than the box', () => {
    const max = width('abcdefgh');
    const lines = wrap('abcdefghijklmnopqrstuvwxyz', PX, max);
    expect(lines.join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(max);
    expect(lines[0]).toBe('abcdefgh');
  });

  it('loses no character and overflows no line, whatever the text', () => {
    const alphabet = 'ab /._-,:(W';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 60) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const max = width('W') + next() * width('WWWWWWWWWW');
      const lines = wrap(text, PX, max);
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      for (const l of lines) if (l.length > 1) expect(width(l)).toBeLessThanOrEqual(max);
    }
  });
});
