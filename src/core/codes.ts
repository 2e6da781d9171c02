import type { Diagnostic, Position } from './diagnostics.ts';

/**
 * Every diagnostic Plexus can report. The code is public and never changes once published;
 * the title says in a few words what happened (the README lists them).
 */
export const CODES = {
  YamlSyntax: { code: 'PLX001', severity: 'error', title: 'YAML syntax error' },
  DuplicateKey: { code: 'PLX002', severity: 'error', title: 'Duplicate key' },
  TabIndent: { code: 'PLX003', severity: 'error', title: 'Tab used for indentation' },
  AliasBomb: { code: 'PLX004', severity: 'error', title: 'Too many YAML aliases' },
  EmptyFile: { code: 'PLX005', severity: 'error', title: 'Empty file' },
  NotMapping: { code: 'PLX006', severity: 'error', title: 'File is not a mapping' },
  NotUtf8: { code: 'PLX007', severity: 'error', title: 'File is not UTF-8' },
  FileTooLarge: { code: 'PLX008', severity: 'error', title: 'File too large' },
  UnknownFile: { code: 'PLX009', severity: 'warning', title: 'File outside the registry layout' },
  UnknownKey: { code: 'PLX010', severity: 'error', title: 'Unknown key' },
  MissingField: { code: 'PLX011', severity: 'error', title: 'Missing required field' },
  UnknownReference: { code: 'PLX012', severity: 'error', title: 'Unknown reference' },
  InvalidChoice: { code: 'PLX013', severity: 'error', title: 'Value not among the allowed choices' },
  WrongType: { code: 'PLX014', severity: 'error', title: 'Value of the wrong type' },
  InvalidDate: { code: 'PLX015', severity: 'error', title: 'Invalid date' },
  InvalidVersion: { code: 'PLX016', severity: 'error', title: 'Invalid semantic version' },
  InvalidUrl: { code: 'PLX017', severity: 'error', title: 'Invalid URL' },
  InvalidValue: { code: 'PLX018', severity: 'error', title: 'Invalid value' },
  InvalidId: { code: 'PLX019', severity: 'error', title: 'Invalid id' },
  DuplicateId: { code: 'PLX020', severity: 'error', title: 'Duplicate id' },
  MissingEcosystem: { code: 'PLX021', severity: 'error', title: 'No ecosystem.yaml' },
  EventMismatch: { code: 'PLX022', severity: 'error', title: 'Event producers or consumers disagree with integrations' },
  SelfIntegration: { code: 'PLX023', severity: 'error', title: 'Integration from a repository to itself' },
  BadFrontMatter: { code: 'PLX024', severity: 'error', title: 'Document front matter missing or malformed' },
  UnknownWikiLink: { code: 'PLX025', severity: 'warning', title: 'Wiki link to nothing in the registry' },
  UnreadableFile: { code: 'PLX026', severity: 'error', title: 'File cannot be read' },
  MdxNotAllowed: { code: 'PLX028', severity: 'error', title: 'MDX document in a registry that has not opted in to MDX' },
  MdxSyntax: { code: 'PLX029', severity: 'error', title: 'MDX document that does not compile' },
  NotRegularFile: { code: 'PLX027', severity: 'error', title: 'Not a regular file inside the registry (a link out, a pipe, a device)' },
  OverdueReview: { code: 'PLX030', severity: 'warning', title: 'Review overdue' },
  ShortDeprecationNotice: { code: 'PLX031', severity: 'warning', title: 'Deprecation notice shorter than policy' },
  DeprecationMissing: { code: 'PLX032', severity: 'error', title: 'Deprecated integration without deprecation details' },
  SunsetPassed: { code: 'PLX033', severity: 'warning', title: 'Sunset date passed' },
  DateOrder: { code: 'PLX034', severity: 'error', title: 'Dates out of order' },
  UnusedEvent: { code: 'PLX035', severity: 'warning', title: 'Event carried by no integration' },
  // Rendering and `plexus fill` (PLX040 and up): reported by those commands, not by `check`.
  TemplateError: { code: 'PLX040', severity: 'error', title: 'Template error' },
  UnfilledPlaceholder: { code: 'PLX041', severity: 'warning', title: 'Placeholder left unfilled' },
  BadChoice: { code: 'PLX042', severity: 'error', title: "Value not among a placeholder's choices" },
  UnsafeValue: { code: 'PLX044', severity: 'error', title: 'Value that cannot stand where its placeholder is (a link to another scheme)' },
  UnusedValue: { code: 'PLX043', severity: 'warning', title: 'Value that fills no placeholder' },
} as const satisfies Record<string, { code: string; severity: Diagnostic['severity']; title: string }>;

export type CodeName = keyof typeof CODES;

export function diagnostic(name: CodeName, file: string, at: Position, message: string, hint?: string): Diagnostic {
  const { code, severity } = CODES[name];
  const d: Diagnostic = { code, severity, file, line: at.line, col: at.col, message };
  if (hint !== undefined) d.hint = hint;
  return d;
}
