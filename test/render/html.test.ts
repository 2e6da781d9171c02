// Markdown to HTML for the site: exact output for what pages rely on.
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/render/html.ts';

describe('markdownToHtml', () => {
  it('gives headings GitHub-style ids and lists them', () => {
    const { html, headings } = markdownToHtml('# Integration Registry\n\n## 🎯 Purpose\n\n## Purpose\n');
    expect(html).toBe('<h1 id="integration-registry">Integration Registry</h1>\n<h2 id="-purpose">🎯 Purpose</h2>\n<h2 id="purpose">Purpose</h2>\n');
    expect(headings.map((h) => [h.depth, h.id])).toEqual([
      [1, 'integration-registry'],
      [2, '-purpose'],
      [2, 'purpose'],
    ]);
  });

  it('wraps tables so they scroll on narrow screens, and keeps escaped pipes in cells', () => {
    expect(markdownToHtml('| A | B |\n|---|---|\n| `x\\|y` | z |\n').html).toBe(
      '<div class="table-wrap" tabindex="0"><table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>x|y</code></td>\n<td>z</td>\n</tr>\n</tbody>\n</table>\n</div>',
    );
  });

  it('rewrites links and refuses script URLs', () => {
    const { html } = markdownToHtml('[a](<repositories/x.md>) [b](javascript:alert(1))', { link: (url) => `/site/${url.replace('.md', '/')}` });
    expect(html).toBe('<p><a href="/site/repositories/x/">a</a> [b](javascript:alert(1))</p>\n');
  });

  it('makes no link to a scheme other than http(s) or mailto, as in spec descriptions', () => {
    expect(markdownToHtml('[a](ms-msdt:x) <ms-msdt:x> [b](data:image/png;base64,AA) ![c](data:image/png;base64,AA) [d](mailto:a@b.example)').html).toBe(
      '<p>[a](ms-msdt:x) &lt;ms-msdt:x&gt; [b](data:image/png;base64,AA) ![c](data:image/png;base64,AA) <a href="mailto:a@b.example">d</a></p>\n',
    );
  });

  it('escapes raw HTML instead of passing it through', () => {
    expect(markdownToHtml('Hi <script>alert(1)</script>').html).toBe('<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('hands mermaid fences to the diagram renderer, other fences stay code', () => {
    const { html } = markdownToHtml('```mermaid\ngraph TD\n  A-->B\n```\n\n```js\nx<1\n```\n', { mermaid: (source) => `<figure>${source.length}</figure>` });
    expect(html).toBe('<figure>17</figure><pre tabindex="0"><code class="language-js">x&lt;1\n</code></pre>\n');
  });
});
