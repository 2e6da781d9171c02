// --root DIR widens what an imported spec's $refs may reach from its own folder to a folder that
// contains it (AsyncAPI's social-media example names ../common/…), and no further: outside it, into
// a dot-folder or through a link out, a $ref is still refused (issue 26).
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIn } from './harness.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-import-root-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const run = (...args: string[]) => runIn(root, args, { PLEXUS_TODAY: '2026-12-06' });

const message =
  'components:\n  messages:\n    Liked:\n      summary: A comment was liked\n      payload:\n        type: object\n        properties:\n          commentId:\n            type: string\n';
const spec = (ref: string) =>
  `asyncapi: 3.0.0\ninfo:\n  title: Comments\n  version: 1.0.0\nchannels:\n  liked:\n    address: comment/liked\n    messages:\n      Liked:\n        $ref: '${ref}#/components/messages/Liked'\noperations:\n  sendLiked:\n    action: send\n    channel:\n      $ref: '#/channels/liked'\n`;
for (const folder of ['w/common', 'w/.hidden', 'w/app', 'out', 'reg/repositories']) await mkdir(join(root, folder), { recursive: true });
for (const folder of ['w/common', 'w/.hidden', 'out']) await writeFile(join(root, folder, 'messages.yaml'), message);
await symlink(join(root, 'out'), join(root, 'w/app/linked'));
await symlink(join(root, 'w'), join(root, 'w-link'));
await writeFile(join(root, 'w/app/asyncapi.yaml'), spec('../common/messages.yaml'));
await writeFile(join(root, 'w/app/hidden.yaml'), spec('../.hidden/messages.yaml'));
await writeFile(join(root, 'w/app/linked.yaml'), spec('linked/messages.yaml'));
await writeFile(join(root, 'w/app/outside.yaml'), spec('../../out/messages.yaml'));
await writeFile(join(root, 'reg/ecosystem.yaml'), 'name: Comments\n');
await writeFile(join(root, 'reg/repositories/comments.yaml'), 'name: Comments\npurpose: Comments\nkind: service\nstatus: active\nteam: t\nurl: unknown\n');
const importing = (file: string, ...more: string[]) => run('import', 'asyncapi', `w/app/${file}`, '--repository', 'comments', '--content', 'reg', ...more);
const written = async () => (await readdir(join(root, 'reg'), { recursive: true })).sort();
const before = await written();

const HINT =
  "  hint: A $ref may name a regular file inside the registry (specs/…), by a relative path; copy what it needs into the registry. A spec imported from a URL may $ref documents under that URL's origin only. A spec imported from a file may $ref files under its own folder, or under the folder --root names.";
const refused = (file: string, target: string, why: string) => ({
  code: 1,
  out: '',
  err: [
    `w/app/${file}:10:15 error PLX056 This $ref to "${target}#/components/messages/Liked" is not followed: ${why}.`,
    HINT,
    'Nothing written: fix the input first.',
  ].join('\n'),
});

describe('plexus import --root', () => {
  it('refuses a $ref out of the spec’s folder without --root, and names the option', async () => {
    expect(await importing('asyncapi.yaml')).toEqual(refused('asyncapi.yaml', '../common/messages.yaml', 'it is outside the folder Plexus reads'));
    expect(await written()).toEqual(before);
  });

  it('follows it under --root, and the event has the message it names', async () => {
    const { code, out, err } = await importing('asyncapi.yaml', '--root', 'w');
    expect([code, err, out.split('\n')[0]]).toEqual([0, '', 'Imported 1 message of Comments into 4 files under reg: 3 new, 1 updated, 0 unchanged.']);
    expect(await written()).toEqual(
      [...before, 'events', 'events/liked.yaml', 'integrations', 'integrations/liked-event.yaml', 'specs', 'specs/comments.asyncapi.yaml'].sort(),
    );
  });

  it.each([
    ['hidden.yaml', '../.hidden/messages.yaml', 'it is in a dot-folder or node_modules, which Plexus does not read'],
    ['linked.yaml', 'linked/messages.yaml', 'it is a symbolic link that leads out of the folder Plexus reads'],
    ['outside.yaml', '../../out/messages.yaml', 'it is outside the folder Plexus reads'],
  ])('still refuses %s under --root', async (file, target, why) => {
    expect(await importing(file, '--root', 'w')).toEqual(refused(file, target, why));
  });

  it.each([
    [['--root', 'out'], '--root out: it does not contain w/app/asyncapi.yaml; name a folder the spec is in'],
    [['--root', 'w-link'], '--root w-link: a link; name the folder itself'],
    [['--root', 'w/app/asyncapi.yaml'], '--root w/app/asyncapi.yaml: not a folder'],
    [['--root', 'nowhere'], '--root nowhere: it does not exist'],
  ])('says what is wrong with --root %j: exit 2, nothing written', async (args, message) => {
    expect(await importing('asyncapi.yaml', ...args)).toEqual({ code: 2, out: '', err: `${message}\nNothing written.` });
  });

  it('is for specs read from files, and for openapi and asyncapi only', async () => {
    expect(await run('import', 'asyncapi', 'https://example.com/a.yaml', '--repository', 'comments', '--content', 'reg', '--root', 'w')).toEqual({
      code: 2,
      out: '',
      err: '--root is for a spec read from a file; https://example.com/a.yaml is fetched, and its $refs reach its origin\nNothing written.',
    });
    const backstage = await run('import', 'backstage', 'w', '--root', 'w', '--content', 'reg');
    expect([backstage.code, backstage.err.split('\n')[0]]).toEqual([
      2,
      '--root is for openapi and asyncapi: a catalog is read inside the folders you name, so name the wider folder itself.',
    ]);
  });

  it('is in the help, and a near miss is offered it', async () => {
    const help = await run('import', '--help');
    expect(help.out).toContain(
      "  --root DIR         openapi, asyncapi: a folder that contains the spec, which its $refs may reach (schemas kept in a sibling folder, such as ../common); no dot-folders, no links out (default: the spec's own folder)",
    );
    expect((await importing('asyncapi.yaml', '--rot', 'w')).err.split('\n')[0]).toBe('Unknown option --rot. Did you mean --root?');
  });
});
