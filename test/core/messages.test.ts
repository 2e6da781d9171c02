// Pins the exact wording users see: message, hint and the formatter's line layout.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatSummary } from '../../src/core/diagnostics.ts';
import { didYouMean } from '../../src/core/suggest.ts';
import { check, edit } from '../registry-fixture.ts';

const I = 'integrations/payments-to-orders.yaml';
const printed = (changes: Record<string, string>) => check(changes).diagnostics.map(formatDiagnostic).join('\n');

describe('diagnostic wording', () => {
  it.each([
    [
      edit(I, 'provider: payments-api', 'provider: payment-api'),
      'content/integrations/payments-to-orders.yaml:2:11 error PLX012 Unknown repository "payment-api". Did you mean "payments-api"?\n' +
        '  hint: A repository id is a file name in repositories/ (2 known); fix the id or create repositories/payment-api.yaml.',
    ],
    [
      edit(I, 'provider: payments-api\nconsumers: [orders-api]', 'from: payments-api\nto: [orders-api]'),
      'content/integrations/payments-to-orders.yaml:2:1 error PLX036 "from" is now "provider".\n' +
        '  hint: Rename `from:` to `provider:`, keeping its value: provider is the repository that serves the API, publishes the events or package, or owns the data.\n' +
        'content/integrations/payments-to-orders.yaml:3:1 error PLX036 "to" is now "consumers".\n' +
        '  hint: Rename `to:` to `consumers:`, keeping its value: consumers are the repositories that call it, subscribe to it, depend on it or read it.',
    ],
    [
      edit(I, 'title:', 'tiltle:'),
      'content/integrations/payments-to-orders.yaml:1:1 error PLX010 Unknown key "tiltle" in this integration. Did you mean "title"?\n' +
        '  hint: Allowed keys: title, provider, consumers, direction, purpose, type, typeDetail, protocol, auth, format, requestPattern, owner, maintenance, docs, documents, components, version, lastUpdated, status, lifecycle, health, usage, contacts, errorHandling, connection, events, spec, operations, routes, aggregations, patterns, steps, changelog, imported.',
    ],
    [
      edit(I, 'type: event', 'type: evnt'),
      'content/integrations/payments-to-orders.yaml:5:7 error PLX013 "evnt" is not a valid "type". Did you mean "event"?\n' +
        '  hint: Choose one of: rest, graphql, grpc, websocket, event, message-queue, npm-package, shared-database, file, webhook, cross-app-auth, dependency.',
    ],
    [
      edit(I, 'owner: core\n', ''),
      'content/integrations/payments-to-orders.yaml:1:1 error PLX011 Missing required field "owner" in this integration.\n' +
        '  hint: Add `owner:`. Team that owns the integration (teams/<id>.yaml); unknown when no team is known to own it (a catalog owner that is not in the catalog): pages say "owner unknown" and link no team, no team is told or called for it, and /quality/ lists it.',
    ],
    [
      edit(I, 'version: 1.0.0', 'version: 1.0'),
      'content/integrations/payments-to-orders.yaml:9:10 error PLX014 "version" should be text, not the number 1.\n' +
        '  hint: Quote it: "1.0" (YAML reads 1.0 as a number).',
    ],
    [
      edit(I, 'version: 1.0.0', 'version: "1.0"'),
      'content/integrations/payments-to-orders.yaml:9:10 error PLX016 Invalid version "1.0" in "version".\n' +
        '  hint: Versions are semantic versions such as "1.2.0" (quote them in YAML).',
    ],
    [
      edit(I, 'title: Payments to Orders', 'title: "Payments to Orders'),
      'content/integrations/payments-to-orders.yaml:1:8 error PLX001 This double quote is never closed.\n' +
        '  hint: Close it with " at the end of the value, or remove it.',
    ],
    [
      edit('docsets/guides.yaml', 'lastReview: 2026-11-01', 'lastReview: 2026-09-01'),
      'content/docsets/guides.yaml:4:13 warning PLX030 "Guides" is reviewed monthly; its last review (2026-09-01) made it due on 2026-10-01.\n' +
        '  hint: Review the documentation set and set lastReview to the date you did.',
    ],
    [
      edit(I, 'status: production\n', 'status: production\nlifecycle:\n  phase: planning\n'),
      'content/integrations/payments-to-orders.yaml:13:10 error PLX057 Phase "planning" does not fit status "production".\n' +
        '  hint: Status production goes with phase deployment or maintenance; correct whichever of the two is wrong.',
    ],
    [
      edit('events/payment.completed.yaml', '  - repository: orders-api\n    handling: Mark the order paid', '  - [orders-api]'),
      'content/events/payment.completed.yaml:6:5 error PLX014 "consumers[0]" should be text or a mapping, not a list.\n' +
        '  hint: A consuming repository: its id, e.g. email-service, or a mapping with what it does with the event, e.g. {repository: email-service, handling: Send the receipt}.',
    ],
    [
      edit('events/payment.completed.yaml', 'producers: [payments-api]', 'producers: payments-api'),
      'content/events/payment.completed.yaml:4:12 error PLX014 "producers" should be a list, not the text "payments-api".\n' +
        '  hint: Repositories that emit it, each an id or a mapping, e.g. [order-service] or [{repository: order-service}]; empty or left out when no producer is known yet.',
    ],
  ])('prints %#', (changes, expected) => {
    expect(printed(changes)).toBe(expected);
  });

  it('summarises counts with plurals', () => {
    const d = { code: 'PLX001', file: 'a', line: 1, col: 1, message: 'm' };
    expect(formatSummary([], 3)).toBe('No problems in 3 files.');
    expect(formatSummary([{ ...d, severity: 'error' }], 1)).toBe('1 error, 0 warnings in 1 file.');
    expect(
      formatSummary(
        [
          { ...d, severity: 'error' },
          { ...d, severity: 'warning' },
          { ...d, severity: 'warning' },
        ],
        2,
      ),
    ).toBe('1 error, 2 warnings in 2 files.');
  });
});

describe('didYouMean', () => {
  it.each([
    ['payment-api', ['payments-api', 'orders-api'], 'payments-api'],
    ['tiltle', ['title', 'type'], 'title'],
    ['evnet', ['event', 'rest'], 'event'],
    ['xyz', ['payments-api', 'orders-api'], undefined],
    ['', ['a'], undefined],
  ])('%s → %s', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });
});
