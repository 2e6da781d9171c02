// A list row as the static pages and the browser both draw it (src/site/list-cells.ts): each cell
// kind, user text escaped in text and in addresses, under the base path.
import { describe, expect, it } from 'vitest';
import { rowHtml } from '../../src/site/list-cells.ts';
import type { ListColumn, ListRow } from '../../src/site/list-data.ts';

const columns: ListColumn[] = [
  { key: 'n', label: 'Name', as: 'link' },
  { key: 'e', label: 'Event', as: 'code-link' },
  { key: 'c', label: 'Used by', as: 'links', empty: 'no registered consumers' },
  { key: 'k', label: 'Kind', as: 'text' },
  { key: 'p', label: 'Provides', as: 'number' },
  { key: 'ch', label: 'Channel', as: 'code' },
  { key: 's', label: 'Status', as: 'badge' },
];

describe('rowHtml', () => {
  it('draws each kind of cell, names its column for the phone cards, and marks counts as numbers', () => {
    const row: ListRow = {
      n: ['Payment <Service>', '/repositories/pay"ment/'],
      e: ['order.placed', '/events/order.placed/'],
      c: [
        ['A & B', '/repositories/a/'],
        ['C', '/repositories/c/'],
      ],
      k: 'Service',
      p: 3,
      ch: 'kafka: orders',
      s: ['Active', 'ok'],
    };
    expect(rowHtml(columns, row, '/base/')).toBe(
      '<tr><td data-label="Name"><a href="/base/repositories/pay&#34;ment/">Payment &#60;Service&#62;</a></td>' +
        '<td data-label="Event"><a href="/base/events/order.placed/"><code>order.placed</code></a></td>' +
        '<td data-label="Used by"><a href="/base/repositories/a/">A &#38; B</a>, <a href="/base/repositories/c/">C</a></td>' +
        '<td data-label="Kind">Service</td>' +
        '<td data-label="Provides" class="num">3</td>' +
        '<td data-label="Channel"><code>kafka: orders</code></td>' +
        '<td data-label="Status"><span class="badge ok">Active</span></td></tr>',
    );
  });

  it('says what an empty list of links means, and shows a link without a page muted', () => {
    const row: ListRow = { n: 'provider unknown', e: ['x', '/events/x/'], c: [], k: '', p: 0, ch: 'c', s: ['Planned', ''] };
    const html = rowHtml(columns, row, '/');
    expect(html).toContain('<td data-label="Name"><span class="muted">provider unknown</span></td>');
    expect(html).toContain('<td data-label="Used by"><span class="muted">no registered consumers</span></td>');
    expect(html).toContain('<td data-label="Kind"></td><td data-label="Provides" class="num">0</td>');
  });
});
