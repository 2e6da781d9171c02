// The script every page has: the theme toggle, Pagefind loaded only when search is used (with
// aliases, owner questions and suggestions for typos), the outline's current section, and the
// keys that open search. One bundled file, cached once for the whole site, where it was inlined in
// every page (7 KB each, written and indexed 2,500 times at 1,000 integrations).

declare const PagefindUI: new (options: Record<string, unknown>) => { triggerSearch: (term: string) => void };

interface Result {
  meta: { title: string; kind?: string };
}

document.getElementById('theme-toggle')?.addEventListener('click', () => {
  const root = document.documentElement;
  const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme = dark ? 'light' : 'dark';
  try {
    localStorage.setItem('plexus-theme', root.dataset.theme);
  } catch {}
});

const box = document.getElementById('search');
if (box) search(box);

function search(box: HTMLElement): void {
  const base = box.dataset.base ?? '/';
  // Words a search treats as one (mTLS, Mutual TLS: the last is what pages say), and a question
  // about an owner ("who owns payments") searched as its subject.
  const aliases = JSON.parse(box.dataset.aliases || '[]') as string[][];
  const QUESTION = /\b(who|whom|what|owns?|owned|owner|owners|owning|runs?|maintains?|the|is|of|for|by|does)\b/g;
  const processTerm = (term: string) => {
    let t = term.toLowerCase();
    const subject = t.replace(QUESTION, ' ').replace(/\s+/g, ' ').trim();
    if (subject && subject !== t.trim()) t = subject;
    for (const group of aliases) {
      const target = group[group.length - 1]!;
      for (const word of group.slice(0, -1)) t = t.replace(new RegExp(`(^|\\s)${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`, 'g'), `$1${target}`);
    }
    return t;
  };
  // When Pagefind finds nothing, the names nearest to what was typed (by edit distance).
  let names: [string, string, string, string][] | undefined;
  let suggested = '';
  const distance = (a: string, b: string) => {
    if (Math.abs(a.length - b.length) > 3) return 99;
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  };
  // Its own escape, not escape-html.ts: importing that would split a shared chunk off, one more request a page.
  const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const suggest = async () => {
    const message = box.querySelector('.pagefind-ui__message');
    const term = box.querySelector('input')?.value.trim().toLowerCase() ?? '';
    const old = box.querySelector('.search-suggest');
    if (!message || !/^No results/.test(message.textContent ?? '') || term.length < 3) {
      if (old && !term) old.remove();
      return;
    }
    if (old && suggested === term) return;
    suggested = term;
    names ??= await fetch(`${base}search/names.json`)
      .then((r) => r.json())
      .catch(() => []);
    const limit = term.length <= 4 ? 1 : term.length <= 8 ? 2 : 3;
    const scored = names!
      .map((n) => {
        const words = [n[0].toLowerCase(), n[1].toLowerCase(), ...n[0].toLowerCase().split(/[\s\-_.()]+/), ...n[1].toLowerCase().split(/[-_.]+/)];
        return [Math.min(...words.map((w) => distance(term, w.slice(0, Math.max(term.length, w.length))))), n] as const;
      })
      .filter(([d]) => d <= limit)
      .sort((a, b) => a[0] - b[0] || a[1][0].length - b[1][0].length)
      .slice(0, 5);
    if (suggested !== term) return;
    const p = old ?? document.createElement('p');
    p.className = 'search-suggest';
    p.innerHTML =
      scored.length === 0
        ? ''
        : `Did you mean ${scored.map(([, n]) => `<a href="${escapeHtml(n[3])}">${escapeHtml(n[0])}</a> <span class="muted">${escapeHtml(n[2])}</span>`).join(', ')}?`;
    if (!old) message.after(p);
  };
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= new Promise<void>((done, fail) => {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = `${base}pagefind/pagefind-ui.css`;
      document.head.append(css);
      const js = document.createElement('script');
      js.src = `${base}pagefind/pagefind-ui.js`;
      js.onload = () => {
        const typed = box.querySelector('input')?.value ?? '';
        box.textContent = '';
        // Each result says what it is: "Repository · Order Service".
        const processResult = (result: Result) => {
          result.meta.title = `${result.meta.kind ?? 'Page'} · ${result.meta.title}`;
          return result;
        };
        const ui = new PagefindUI({
          element: box,
          baseUrl: base,
          showImages: false,
          resetStyles: false,
          processResult,
          processTerm,
          translations: { placeholder: 'Search the registry… ( / )' },
        });
        const input = box.querySelector('input');
        if (input) {
          // Pagefind's input has no label of its own: it keeps the stub's.
          input.id = 'search-input';
          input.setAttribute('aria-label', 'Search the registry (press / or Ctrl+K)');
          input.focus();
          if (typed) ui.triggerSearch(typed);
        }
        new MutationObserver(suggest).observe(box, { childList: true, subtree: true, characterData: true });
        done();
      };
      js.onerror = fail;
      document.head.append(js);
    }));
  box.addEventListener('focusin', load, { once: true });
  // "/" or Ctrl+K (⌘K) from anywhere but a text field goes to search, as on most documentation sites.
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLElement && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const k = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
    if (!slash && !k) return;
    event.preventDefault();
    box.querySelector('input')?.focus();
  });
}

// The outline marks the section being read: the last heading above the top third of the screen.
const toc = document.querySelector('.toc');
if (toc) {
  const entries = [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
    .map((a) => [a, document.getElementById(decodeURIComponent(a.hash.slice(1)))] as const)
    .filter((e): e is readonly [HTMLAnchorElement, HTMLElement] => e[1] !== null);
  let ticking = false;
  const mark = () => {
    ticking = false;
    let current = entries[0];
    for (const entry of entries) if (entry[1].getBoundingClientRect().top < innerHeight / 3) current = entry;
    for (const [a] of entries) a === current?.[0] ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current');
  };
  addEventListener(
    'scroll',
    () => {
      if (!ticking) {
        ticking = true;
        requestAnimationFrame(mark);
      }
    },
    { passive: true },
  );
  mark();
}
