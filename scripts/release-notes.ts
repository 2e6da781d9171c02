// node scripts/release-notes.ts [VERSION] [--release] [--root DIR]
//
// Prints the notes of VERSION (plexus's version when none is given) from CHANGELOG.md: the text
// of its `## [VERSION]` section, for the GitHub release. Exits 1, saying why, when plexus and
// create-plexus do not both have that version or CHANGELOG.md has no such section; with
// --release (the release workflow, on a tag), also when that section is not dated yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** The body of `## [version]` in a Keep a Changelog file (up to the next `## ` heading or the link list), and its heading. */
export function changelogSection(changelog: string, version: string): { heading: string; notes: string } | undefined {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
  if (start === -1) return undefined;
  let end = lines.findIndex((line, i) => i > start && (line.startsWith('## ') || /^\[[^\]]+\]:\s/.test(line)));
  if (end === -1) end = lines.length;
  return {
    heading: lines[start]!,
    notes: lines
      .slice(start + 1, end)
      .join('\n')
      .trim(),
  };
}

/** What stands in the way of releasing `version` from the repository at `root`, or its notes. */
export function releaseNotes(root: string, version: string | undefined, release: boolean): { notes: string } | { error: string } {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const plexus = JSON.parse(read('package.json')).version as string;
  const create = JSON.parse(read(join('packages', 'create-plexus', 'package.json'))).version as string;
  const wanted = version ?? plexus;
  const off = [
    plexus === wanted ? undefined : `package.json is ${plexus}`,
    create === wanted ? undefined : `packages/create-plexus/package.json is ${create}`,
  ].filter(Boolean);
  if (off.length > 0) return { error: `Cannot release ${wanted}: ${off.join(' and ')}. Give both packages the version ${wanted}.` };
  const section = changelogSection(read('CHANGELOG.md'), wanted);
  if (!section) return { error: `CHANGELOG.md has no section for ${wanted}: add "## [${wanted}] - YYYY-MM-DD" with what changed.` };
  if (release && !/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}\s*$/.test(section.heading))
    return { error: `The ${wanted} section of CHANGELOG.md is not dated ("${section.heading}"): write "## [${wanted}] - YYYY-MM-DD" before tagging.` };
  if (section.notes === '') return { error: `The ${wanted} section of CHANGELOG.md is empty: say what changed.` };
  return { notes: section.notes };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { release: { type: 'boolean' }, root: { type: 'string' } } });
  const result = releaseNotes(values.root ?? join(import.meta.dirname, '..'), positionals[0]?.replace(/^v/, ''), values.release === true);
  if ('error' in result) {
    process.stderr.write(`${result.error}\n`);
    process.exitCode = 1;
  } else process.stdout.write(`${result.notes}\n`);
}
