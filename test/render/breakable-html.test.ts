import { describe, expect, it } from 'vitest';
import { breakableHtml, decodeHtml } from '../../src/render/escape-html.ts';

describe('breakableHtml', () => {
  it('offers a break after a run of separators and before a capital inside a word, and escapes the rest', () => {
    expect(breakableHtml('https://api.eventful.example/v1')).toBe('https://<wbr>api.<wbr>eventful.<wbr>example/<wbr>v1');
    expect(breakableHtml('vault:secret/hi-events')).toBe('vault:<wbr>secret/<wbr>hi-<wbr>events');
    expect(breakableHtml('listOrders')).toBe('list<wbr>Orders');
    expect(breakableHtml('a<b>/"c"')).toBe('a&#60;b&#62;/<wbr>&#34;c&#34;');
    expect(breakableHtml('v1/')).toBe('v1/');
    expect(breakableHtml('')).toBe('');
  });

  it('loses no character', () => {
    for (const text of ['https://x.example/a_b?c=d&e=f', 'GET /orders/{orderId}', 'kafka: cdc.users', 'ÄÖ-über/Straße'])
      expect(decodeHtml(breakableHtml(text).replaceAll('<wbr>', ''))).toBe(text);
  });
});
