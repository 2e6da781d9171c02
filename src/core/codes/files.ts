// Reading a registry's files: bytes, YAML syntax, the folder layout.
import { entry } from './entry.ts';

export const FILES_CODES = {
  YamlSyntax: entry<{ unclosedQuote: '"' | "'" } | { multipleDocuments: true } | { reason: string }>({
    code: 'PLX001',
    severity: 'error',
    title: 'YAML syntax error (an unclosed quote points at the quote)',
    message: (a) =>
      'unclosedQuote' in a
        ? `This ${a.unclosedQuote === '"' ? 'double' : 'single'} quote is never closed.`
        : 'multipleDocuments' in a
          ? 'The file holds more than one YAML document.'
          : `${a.reason}.`.replace(/\.\.$/, '.'),
    hint: (a) =>
      'unclosedQuote' in a
        ? `Close it with ${a.unclosedQuote} at the end of the value, or remove it.`
        : 'multipleDocuments' in a
          ? 'Keep one entity per file; remove the extra `---` separator.'
          : 'Check the indentation and quoting on this line and the one before it.',
  }),
  DuplicateKey: entry<{ key: string }>({
    code: 'PLX002',
    severity: 'error',
    title: 'the same key twice in one mapping',
    message: (a) => `Key "${a.key}" appears more than once in this mapping.`,
    hint: () => 'YAML keeps only one of them; merge the two entries or rename one.',
  }),
  TabIndent: entry({
    code: 'PLX003',
    severity: 'error',
    title: 'a tab used for indentation',
    message: () => 'A tab is used for indentation; YAML allows only spaces.',
    hint: () => 'Replace the tab with spaces (your editor can convert indentation to spaces).',
  }),
  AliasBomb: entry<{ limit: number }>({
    code: 'PLX004',
    severity: 'error',
    title: 'aliases that expand to more than 100 nodes',
    message: (a) => `Aliases expand to more than ${a.limit} nodes, the most one file may use.`,
    hint: () => 'Repeat the values instead of nesting aliases; a registry file should read plainly.',
  }),
  EmptyFile: entry({
    code: 'PLX005',
    severity: 'error',
    title: 'an empty file',
    message: () => 'The file is empty.',
    hint: () => 'Add the fields for this entity, or delete the file.',
  }),
  NotMapping: entry<{ list: boolean }>({
    code: 'PLX006',
    severity: 'error',
    title: 'a file that holds a list or a single value, not a mapping',
    message: (a) => `The file holds ${a.list ? 'a list' : 'a single value'}, not a mapping of keys to values.`,
    hint: () => 'Each registry file describes one entity as `key: value` lines.',
  }),
  NotUtf8: entry<{ byte: string }>({
    code: 'PLX007',
    severity: 'error',
    title: "bytes that are not UTF-8 (with the byte's line and column)",
    message: (a) => `Byte 0x${a.byte} is not valid UTF-8.`,
    hint: () => 'Save the file as UTF-8 (editors call it "UTF-8" or "UTF-8 without BOM").',
  }),
  FileTooLarge: entry<{ size: string; limit?: string }>({
    code: 'PLX008',
    severity: 'error',
    title: 'a file over 1 MiB',
    message: (a) => `File is ${a.size}; the limit is ${a.limit ?? '1 MiB'}.`,
    hint: () => 'Split it into one file per entity; large payload examples belong in a linked document.',
  }),
  UnknownFile: entry<{ path: string; folders: string[] }>({
    code: 'PLX009',
    severity: 'warning',
    title: 'a YAML file outside the registry layout',
    message: (a) => `"${a.path}" is not part of the registry layout and was not read.`,
    hint: (a) => `Entity files go in ${a.folders.join('/, ')}/ or docs/; the ecosystem in ecosystem.yaml.`,
  }),
  UnreadableFile: entry<{ path: string; reason: string }>({
    code: 'PLX026',
    severity: 'error',
    title: 'a file that cannot be read (permissions, an I/O error)',
    message: (a) => `"${a.path}" cannot be read: ${a.reason}.`,
    hint: () => "Check the file's permissions (Plexus needs to read every file in the registry), or remove it.",
  }),
  NotRegularFile: entry<{ path: string; is: 'link-out' | 'dangling' | 'special' }>({
    code: 'PLX027',
    severity: 'error',
    title: 'not a regular file inside the registry: a link that leads out, a dangling link, a pipe or device',
    message: (a) =>
      a.is === 'link-out'
        ? `"${a.path}" is a symbolic link that leads out of the registry folder; it was not read.`
        : a.is === 'dangling'
          ? `"${a.path}" is a symbolic link to nothing.`
          : `"${a.path}" is not a regular file (a pipe, socket or device); it was not read.`,
    hint: (a) =>
      a.is === 'link-out'
        ? 'Copy the file into the registry instead of linking to it: Plexus reads only files inside the registry.'
        : a.is === 'dangling'
          ? 'Remove the link, or put the file itself in the registry.'
          : 'Remove it from the registry folder.',
  }),
  LogoNotFound: entry<{ path: string }>({
    code: 'PLX055',
    severity: 'error',
    title: "a site logo that names no file in the registry's public/ folder",
    message: (a) => `There is no public/${a.path} in the registry for the site's logo.`,
    hint: () => 'Put the image in the public/ folder beside ecosystem.yaml and name it by its path there, e.g. logo: logo.svg.',
  }),
} as const;
