import { diagnostic } from './codes.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Registry } from './model.ts';

/** Compiles an MDX body; returns the first error with its 1-based place in the body, if any. */
export type MdxCompiler = (body: string) => { line: number; col: number; message: string } | undefined;

/**
 * MDX documents are code: they run when the site is built. They are allowed only when the
 * registry opts in (`mdx: true` in ecosystem.yaml), and then each must compile, so a syntax error
 * is a positioned diagnostic from `check` rather than a failed build.
 */
export function checkMdx(registry: Registry, compile: MdxCompiler | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const allowed = registry.ecosystem?.data.mdx === true;
  for (const doc of registry.documents.values()) {
    if (!doc.file.endsWith('.mdx')) continue;
    if (!allowed) {
      diagnostics.push(diagnostic('MdxNotAllowed', doc.file, { line: 1, col: 1 }, { path: doc.path }));
      continue;
    }
    const error = compile?.(doc.body);
    if (error) {
      diagnostics.push(diagnostic('MdxSyntax', doc.file, { line: doc.bodyLine + error.line - 1, col: error.col }, { reason: error.message }));
    }
  }
  return diagnostics;
}

/** The MDX compiler `check` uses: @mdx-js/mdx, loaded only for registries that have .mdx documents. */
export async function loadMdxCompiler(): Promise<MdxCompiler> {
  const { compileSync } = await import('@mdx-js/mdx');
  return (body) => {
    try {
      compileSync(body);
      return undefined;
    } catch (error) {
      const e = error as {
        line?: number;
        column?: number;
        place?: { line?: number; column?: number; start?: { line: number; column: number } };
        reason?: string;
        message: string;
      };
      const place = e.place && 'start' in e.place && e.place.start ? e.place.start : e.place;
      const reason = (e.reason ?? e.message).split('\n')[0]!;
      // Some errors (an unclosed element) carry their place only in the text: "… (5:1-5:6)".
      const written = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason);
      const line = e.line ?? place?.line ?? (written ? Number(written[1]) : 1);
      const col = e.column ?? place?.column ?? (written ? Number(written[2]) : 1);
      // The place in the text counts from the body; the diagnostic gives the place in the file instead.
      return { line, col, message: reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/, '').replace(/\.?$/, '.') };
    }
  };
}
