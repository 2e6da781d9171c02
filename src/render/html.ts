import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import { linkAllowed } from './links.ts';

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

type Env = {
  options: HtmlOptions;
  headings: RenderedHtml['headings'];
};

/**
 * One shared Markdown (GFM tables and strikethrough) renderer. Raw HTML is off, so Markdown from
 * the registry or a spec can never inject markup; a link goes only where linkAllowed lets it
 * (markdown-it's own check lets `ms-msdt:` and other schemes through), else it stays text.
 * Per-call behaviour (link rewriting, diagrams, heading ids) comes through `env`.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.validateLink = linkAllowed;

md.core.ruler.push('plexus_heading_ids', (state) => {
  const env = state.env as unknown as Env;
  const slugger = new GithubSlugger();
  state.tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const text =
      state.tokens[i + 1]?.children
        ?.filter((c) => c.type === 'text' || c.type === 'code_inline')
        .map((c) => c.content)
        .join('') ?? '';
    const id = slugger.slug(text);
    token.attrSet('id', id);
    env.headings.push({ depth: Number(token.tag.slice(1)), text, id });
  });
});

const defaultFence = md.renderer.rules.fence!;
md.renderer.rules.fence = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const { mermaid } = (env as unknown as Env).options;
  if (token.info.trim() === 'mermaid' && mermaid) return mermaid(token.content);
  // A code block scrolls sideways on a phone: keyboard users must be able to reach it to scroll it.
  return defaultFence(tokens, idx, options, env, self).replace(/^<pre>/, '<pre tabindex="0">');
};
const defaultCodeBlock = md.renderer.rules.code_block!;
md.renderer.rules.code_block = (tokens, idx, options, env, self) => defaultCodeBlock(tokens, idx, options, env, self).replace(/^<pre>/, '<pre tabindex="0">');

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet('href');
  const { link } = (env as unknown as Env).options;
  if (href !== null && link) token.attrSet('href', link(String(href)));
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.table_open = (tokens, idx, options, _env, self) => `<div class="table-wrap" tabindex="0">${self.renderToken(tokens, idx, options)}`;
md.renderer.rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</div>`;

/** Markdown to HTML, with GitHub-style heading ids, rewritten links and mermaid fences as diagrams. */
export function markdownToHtml(markdown: string, options: HtmlOptions = {}): RenderedHtml {
  const env: Env = { options, headings: [] };
  return { html: md.render(markdown, env), headings: env.headings };
}

/** One piece of Markdown as inline HTML (no paragraphs, no headings): for descriptions inside other markup. Raw HTML stays off. */
export function inlineMarkdown(markdown: string): string {
  const env: Env = { options: {}, headings: [] };
  return md.renderInline(markdown, env);
}
