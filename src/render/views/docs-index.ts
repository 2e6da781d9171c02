import type { DocumentEntity, Model } from '../../core/model.ts';
import { DOCUMENT_STATUS, longDate } from '../labels.ts';
import { headings } from '../../core/markdown.ts';

/** The folders under `docs/` that hold documents, `''` for `docs/` itself. */
export function docFolders(model: Model): string[] {
  return [...new Set([...model.documents.values()].map((d) => folderOf(d)))].sort();
}

export function folderOf(doc: DocumentEntity): string {
  const i = doc.path.lastIndexOf('/');
  return i < 0 ? '' : doc.path.slice(0, i);
}

function lastChanged(doc: DocumentEntity): string | null {
  const dates = [doc.data.date, ...(doc.data.history ?? []).map((h) => h.date)].filter((d): d is string => !!d).sort();
  return dates.at(-1) ?? null;
}

/** A sub-heading tree of a document: its title, then its `##` and `###` headings. */
function outline(doc: DocumentEntity): string {
  const hs = headings(doc.body).filter((h) => h.depth === 2 || h.depth === 3);
  const lines = [doc.data.title];
  hs.forEach((h, i) => {
    const lastOfLevel = !hs.slice(i + 1).some((n) => n.depth <= h.depth) || hs.slice(i + 1).find((n) => n.depth <= h.depth)!.depth < h.depth;
    const indent = h.depth === 3 ? '│   ' : '';
    lines.push(`${indent}${lastOfLevel ? '└── ' : '├── '}${h.text}`);
  });
  return lines.join('\n');
}

/**
 * The directory README of one docs folder (seed 002), generated from the documents' own front
 * matter and headings, so it can never go stale.
 */
export function docsIndexView(model: Model, folder: string) {
  const docs = [...model.documents.values()].filter((d) => folderOf(d) === folder).sort((a, b) => a.path.localeCompare(b.path));
  const subfolders = docFolders(model).filter(
    (f) => f !== folder && (folder === '' ? !f.includes('/') : f.startsWith(`${folder}/`) && !f.slice(folder.length + 1).includes('/')),
  );
  const updated = docs
    .map(lastChanged)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  const byStatus = new Map<string, number>();
  for (const d of docs) byStatus.set(DOCUMENT_STATUS[d.data.status], (byStatus.get(DOCUMENT_STATUS[d.data.status]) ?? 0) + 1);
  const title =
    folder === ''
      ? 'Documentation'
      : folder
          .split('/')
          .at(-1)!
          .replace(/[-_]+/g, ' ')
          .replace(/\b\w/g, (c) => c.toUpperCase());
  return {
    title,
    directory: `/docs/${folder ? `${folder}/` : ''}`,
    purpose: [...new Set(docs.map((d) => d.data.type ?? d.data.kind ?? 'Document'))].join(', ') || 'Sub-folders only',
    lastUpdated: updated ? longDate(updated) : null,
    count: docs.length,
    files: docs.map((d) => ({
      file: d.path.slice(folder ? folder.length + 1 : 0),
      title: d.data.title,
      purpose: d.data.purpose,
      // Every document is exported as .md (an .mdx one too), so the index links the exported name.
      link: `${d.id.slice(folder ? folder.length + 1 : 0)}.md`,
      type: d.data.type ?? d.data.kind ?? '—',
      status: DOCUMENT_STATUS[d.data.status],
      version: d.data.version,
      outline: outline(d),
    })),
    subfolders: subfolders.map((f) => ({ name: f.slice(folder ? folder.length + 1 : 0), path: `${f.slice(folder ? folder.length + 1 : 0)}/README.md` })),
    statusSummary: [...byStatus].map(([status, n]) => `${n} ${status}`).join(', '),
  };
}
