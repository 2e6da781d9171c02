import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';

export interface HtmlOptions {
  /** Rewrites a link destination (relative `.md` paths to site URLs); return it unchanged to keep it. */
  link?: (url: string) => string;
  /** Turns a mermaid fence into HTML (a diagram figure); without it the fence stays a code block. */
  mermaid?: (source: string) => string;
}

export interface RenderedHtml {
  html: string;
  headings: { depth: number; text: string; id: string }[];
}

const SAFE_URL = /^(https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i;

/**
 * Markdown (GFM) to HTML, without raw HTML: Markdown written in the registry can never inject
 * markup. Headings get GitHub-style ids; links can be rewritten; mermaid fences become diagrams.
 */
export function markdownToHtml(markdown: string, options: HtmlOptions = {}): RenderedHtml {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as Root;
  const visit = (node: Root | Root['children'][number]) => {
    if ('children' in node) {
      node.children.forEach((child, i) => {
        if (child.type === 'code' && (child as Code).lang === 'mermaid' && options.mermaid) {
          (node.children as unknown[])[i] = { type: 'plexusDiagram', html: options.mermaid((child as Code).value) };
        } else {
          visit(child);
        }
      });
    }
    if ((node.type === 'link' || node.type === 'definition') && options.link) node.url = options.link(node.url);
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !SAFE_URL.test(node.url)) node.url = '#';
  };
  visit(tree);
  // Raw HTML written in Markdown is dropped (no allowDangerousHtml); only diagrams we render are raw.
  const handlers = { plexusDiagram: (_state: unknown, node: { html: string }) => ({ type: 'raw', value: node.html }) };
  const hast = toHast(tree, { handlers: handlers as NonNullable<Parameters<typeof toHast>[1]>['handlers'] }) as HastRoot;
  const slugger = new GithubSlugger();
  const headings: RenderedHtml['headings'] = [];
  const walk = (parent: HastRoot | Element) => {
    parent.children.forEach((child, i) => {
      if (child.type !== 'element') return;
      const depth = /^h([1-6])$/.exec(child.tagName)?.[1];
      if (depth) {
        const text = textOf(child);
        const id = slugger.slug(text);
        child.properties = { ...child.properties, id };
        headings.push({ depth: Number(depth), text, id });
      }
      walk(child);
      if (child.tagName === 'table') {
        (parent.children as ElementContent[])[i] = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [child] };
      }
    });
  };
  walk(hast);
  return { html: toHtml(hast, { allowDangerousHtml: true }), headings };
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
