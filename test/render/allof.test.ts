// allOf folded as readers read it (issue 26): allOf: [{type: string}, {description}] is a string
// with that description, not "any" or "object".
import { describe, expect, it } from 'vitest';
import { payloadFields } from '../../src/import/asyncapi.ts';
import { typeOf } from '../../src/render/spec-html.ts';

const sentAt = { allOf: [{ type: 'string', format: 'date-time' }, { description: 'When it was sent.' }] };

describe('allOf folded', () => {
  it('gives a property the type, format and description of its parts in the registry', () => {
    expect(payloadFields({ type: 'object', properties: { sentAt }, required: ['sentAt'] })).toEqual({
      sentAt: 'string (date-time), required: When it was sent.',
    });
  });

  it('shows it as a string in the schema view, and an allOf of objects as an object', () => {
    expect(typeOf(sentAt)).toMatch(/^string/);
    expect(typeOf({ allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { properties: { b: { type: 'integer' } } }] })).toMatch(/^object/);
  });
});
