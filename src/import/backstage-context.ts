// What every Backstage kind's mapping shares (backstage-kinds.ts): the Context it may ask of the
// whole catalog, and the facts every kind has, with notes for the keys no mapping reads.
import { record, text } from '../core/loose.ts';
import type { CatalogEntity } from './catalog.ts';
import type { Spec } from '../specs/read.ts';
import type { Provenance } from './merge.ts';
import type { FileChange } from './write.ts';

/** An API's definition, read as a spec and copied under specs/ (`file` when the copy is to be written). */
export interface Definition {
  spec: Spec;
  path: string;
  file?: FileChange;
}

/** What a mapping may ask of the whole catalog. */
export interface Context {
  source(e: CatalogEntity): Provenance;
  note(e: CatalogEntity, field: string, why: string): void;
  /**
   * The Plexus id a relation points at, or undefined after a positioned diagnostic when it dangles;
   * the report line then says where and what was written `instead` (default: not written).
   */
  target(
    e: CatalogEntity,
    path: (string | number)[],
    value: unknown,
    field: string,
    instead?: string,
  ): { ref: string; id: string; entity?: CatalogEntity } | undefined;
  /** Refs that own something (`spec.owner`), normalised. */
  ownerRefs: ReadonlySet<string>;
  /** API ref → ids of the components that provide / consume it. */
  providers: Map<string, string[]>;
  consumers: Map<string, string[]>;
  /** API ref → its definition read as a spec, or why it was not. */
  definitions: Map<string, Definition | { why: string }>;
  /** Group ref → the group whose spec.children lists it. */
  parents: Map<string, { id: string; ref: string }>;
  /** Resource ref → the components that depend on it (filled while components are mapped). */
  dependents: Map<string, CatalogEntity[]>;
}

/** Metadata every kind has and Plexus reads or does not need. */
export const COMMON = ['name', 'namespace', 'title', 'description', 'annotations', 'uid', 'etag'];

/** What every kind has: names, description, owner, lifecycle, and notes for keys no mapping reads. */
export function facts(e: CatalogEntity, context: Context, ownerInstead?: string) {
  const metadata = record(e.data.metadata);
  const spec = record(e.data.spec);
  const description = text(metadata.description);
  return {
    metadata,
    spec,
    title: text(metadata.title) ?? text(metadata.name)!,
    description,
    lifecycle: text(spec.lifecycle),
    owner: text(spec.owner) ? context.target(e, ['spec', 'owner'], spec.owner, 'owner', ownerInstead) : undefined,
    purpose: () => {
      if (!description) context.note(e, 'metadata.description', 'not given: purpose written as unknown');
      return description ?? 'unknown';
    },
    /** Notes each key of `section` not in `used`, and each annotation not in `annotations`. */
    unread: (section: 'metadata' | 'spec', used: readonly string[]) => {
      for (const key of Object.keys(section === 'metadata' ? metadata : spec))
        if (!used.includes(key)) context.note(e, `${section}.${key}`, 'no Plexus field for it');
    },
    unreadAnnotations: (used: readonly string[]) => {
      for (const key of Object.keys(record(metadata.annotations)))
        if (!used.includes(key)) context.note(e, `metadata.annotations.${key}`, 'no Plexus field for it');
    },
  };
}

/** A lifecycle with no Plexus status is written unknown, never guessed as active. */
export const unmappedLifecycle = (lifecycle: unknown) =>
  lifecycle === undefined ? 'not given: status written as unknown' : `"${String(lifecycle)}" has no Plexus status: written as unknown`;
