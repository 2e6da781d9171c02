// A spec with many operations is split over pages (issue 26): no page carries them all, each page
// links the others, and a 1,000-operation spec's largest page stays well under 300 KB.
import { describe, expect, it } from 'vitest';
import { OPERATIONS_PER_PAGE, operationPages, operationsHtml, operationsPage } from '../../src/render/spec-html.ts';
import { summariseOpenApi } from '../../src/specs/openapi.ts';

function spec(count: number, fields = 2) {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < count; i++)
    paths[`/things/${i}`] = {
      get: {
        summary: `Get thing ${i}`,
        operationId: `getThing${i}`,
        parameters: [{ name: 'id', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: Object.fromEntries(
                    Array.from({ length: fields }, (_, f) => [
                      `field${f}`,
                      { type: 'string', description: `Field ${f} of thing ${i}, described at the length real specs describe things.` },
                    ]),
                  ),
                },
              },
            },
          },
        },
      },
    };
  const doc = { openapi: '3.0.3', info: { title: 'Big', version: '1.0.0' }, paths };
  return summariseOpenApi(doc, structuredClone(doc));
}

describe('operations over pages', () => {
  const big = spec(1000);
  const hrefOf = (k: number) => (k === 1 ? '/integrations/big/' : `/integrations/big/operations/${k}/`);

  it('keeps a spec of at most one page as it was', () => {
    const small = spec(OPERATIONS_PER_PAGE);
    expect(operationPages(small)).toBe(1);
    expect(operationsPage(small, 1, hrefOf)).toBe(operationsHtml(small));
  });

  it('splits 1,000 operations over 10 pages, each with its own and links to the others, none over 300 KB', () => {
    expect(operationPages(big)).toBe(10);
    const sizes = Array.from({ length: 10 }, (_, k) => Buffer.byteLength(operationsPage(big, k + 1, hrefOf)));
    expect(Math.max(...sizes)).toBeLessThan(300_000);
    expect(Buffer.byteLength(operationsHtml(big))).toBeGreaterThan(300_000); // what one page held before
    const second = operationsPage(big, 2, hrefOf);
    expect(second).toContain(
      '<nav class="operation-pages" aria-label="Operations pages"><p>Operations <a href="/integrations/big/">1–100</a> · <strong>101–200</strong> · <a href="/integrations/big/operations/3/">201–300</a>',
    );
    expect(second).toContain('<code>/<wbr>things/<wbr>100</code>');
    expect(second).not.toContain('<code>/<wbr>things/<wbr>99</code>');
    expect(second).not.toContain('<code>/<wbr>things/<wbr>200</code>');
  });

  it('puts fewer operations on a page when their schemas are large, so every page stays under 300 KB', () => {
    const heavy = spec(1000, 20);
    const pages = operationPages(heavy);
    expect(pages).toBeGreaterThan(10);
    const sizes = Array.from({ length: pages }, (_, k) => Buffer.byteLength(operationsPage(heavy, k + 1, hrefOf)));
    expect(Math.max(...sizes)).toBeLessThan(300_000);
    const shown = Array.from({ length: pages }, (_, k) => (operationsPage(heavy, k + 1, hrefOf).match(/<details class="operation">/g) ?? []).length);
    expect(shown.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});
