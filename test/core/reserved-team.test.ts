// Issue 26: team: unknown and owner: unknown say no team is known, so a team whose id is literally
// unknown could be named by nothing: check reports it at its file, with a hint to rename it.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { check } from '../registry-fixture.ts';

describe('a team whose id is unknown', () => {
  it('is an error at its file, with a hint to rename it', () => {
    const { diagnostics } = check({ 'teams/unknown.yaml': 'name: "<b>Unknown</b> & co"\n' });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      [
        'content/teams/unknown.yaml:1:1 error PLX060 Team id "unknown" is reserved: team: unknown and owner: unknown say no team is known, so they cannot name this team.',
        '  hint: Rename teams/unknown.yaml (e.g. to unknown-team.yaml) and the team: and owner: fields that mean this team.',
      ].join('\n'),
    ]);
  });

  it('is not reported for a team named Unknown under another id', () => {
    expect(check({ 'teams/unknown-team.yaml': 'name: Unknown\n' }).diagnostics).toEqual([]);
  });
});
