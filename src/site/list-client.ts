// The browser side of every big list (integrations, repositories, events): a form filters by text
// and by each select, every column sorts (a button in its header, or the form's Sort select where
// a phone shows rows as cards), and paging follows the filter, all from the list's JSON and kept in
// the address (?q=&type=&sort=-on&page=2), so a view can be shared. Without JavaScript the static
// pages stand as they are. Bundled once, cached, and loaded only by pages that hold a list.
import { type ListColumn, type ListRow, cellText } from './list-data.ts';
import { rowHtml } from './list-cells.ts';

export function enhanceList(form: HTMLFormElement): void {
  const table = document.getElementById('list-table') as HTMLTableElement | null;
  const count = document.getElementById('list-count');
  const pager = document.getElementById('list-pager');
  if (!table || !count || !pager || !window.fetch) return;
  const body = table.tBodies[0]!;
  const heads = [...table.tHead!.rows[0]!.cells];
  const { base = '/', size: sizeText = '100', list = '', one = 'row', many = 'rows' } = form.dataset;
  const size = Number(sizeText);
  const columns = JSON.parse(table.dataset.columns ?? '[]') as ListColumn[];
  const fixed = JSON.parse(form.dataset.fixed ?? '[]') as [string, string][];
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-key]')];
  const sortSelect = form.elements.namedItem('sort') as HTMLSelectElement | null;
  const text = form.elements.namedItem('q') as HTMLInputElement;
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const first = columns[0]!.key;
  let rows: ListRow[] | undefined;
  let sort = first;
  let dir = 1;
  const params = new URLSearchParams(location.search);
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
  const asked = params.get('sort');
  if (asked && columns.some((c) => c.key === asked.replace(/^-/, ''))) {
    sort = asked.replace(/^-/, '');
    dir = asked.startsWith('-') ? -1 : 1;
  }
  const onPage = /page\/(\d+)\/$/.exec(location.pathname);
  let page = Math.max(1, Number(params.get('page')) || Number(onPage?.[1]) || 1);
  form.hidden = false;
  document.querySelector('.list-static')?.setAttribute('hidden', '');
  const sortBy = (key: string, direction: number) => {
    sort = key;
    dir = direction;
    page = 1;
    load().then(show);
  };
  for (const th of heads) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => sortBy(th.dataset.key!, sort === th.dataset.key ? -dir : 1));
  }
  sortSelect?.addEventListener('change', () => sortBy(sortSelect.value.replace(/^-/, ''), sortSelect.value.startsWith('-') ? -1 : 1));
  const has = (row: ListRow, key: string, value: string) => {
    const v = row[key];
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]).includes(value) : v === value;
  };
  const haystack = new WeakMap<ListRow, string>();
  const words = (row: ListRow) => {
    let h = haystack.get(row);
    if (h === undefined) haystack.set(row, (h = Object.values(row).map(cellText).join(' ').toLowerCase()));
    return h;
  };
  const show = () => {
    if (!rows) return;
    const q = text.value.trim().toLowerCase();
    const chosen = [...fixed, ...selects.filter((s) => s.value).map((s) => [s.dataset.key!, s.value] as [string, string])];
    const found = rows
      .filter((r) => chosen.every(([key, value]) => has(r, key, value)) && (!q || words(r).includes(q)))
      .sort((a, b) => dir * collator.compare(cellText(a[sort]), cellText(b[sort])) || collator.compare(cellText(a[first]), cellText(b[first])));
    const pages = Math.max(1, Math.ceil(found.length / size));
    page = Math.min(page, pages);
    const shown = found.slice((page - 1) * size, page * size);
    body.innerHTML = shown.map((r) => rowHtml(columns, r, base)).join('');
    for (const th of heads) th.setAttribute('aria-sort', th.dataset.key === sort ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    if (sortSelect) sortSelect.value = `${dir < 0 ? '-' : ''}${sort}`;
    const by = `by ${columns.find((c) => c.key === sort)!.label.toLowerCase()}${dir < 0 ? ', descending' : ''}`;
    const noun = found.length === 1 ? one : many;
    count.textContent =
      found.length === 0
        ? `No ${one} matches.`
        : found.length <= size
          ? `${found.length} ${noun}, ${by}.`
          : `${many[0]!.toUpperCase()}${many.slice(1)} ${(page - 1) * size + 1}–${(page - 1) * size + shown.length} of ${found.length}, ${by}.`;
    const state = new URLSearchParams();
    if (text.value) state.set('q', text.value);
    for (const s of selects) if (s.value) state.set(s.name, s.value);
    if (sort !== first || dir < 0) state.set('sort', `${dir < 0 ? '-' : ''}${sort}`);
    const link = (n: number) => `?${new URLSearchParams([...state, ...(n > 1 ? [['page', String(n)]] : [])])}`;
    pager.innerHTML =
      pages > 1
        ? Array.from({ length: pages }, (_, k) => k + 1)
            .map((n) => (n === page ? `<span aria-current="page">${n}</span>` : `<a href="${link(n)}" data-page="${n}">${n}</a>`))
            .join('')
        : '';
    if (page > 1) state.set('page', String(page));
    const query = state.toString();
    history.replaceState(null, '', `${location.pathname.replace(/page\/\d+\/$/, '')}${query ? `?${query}` : ''}`);
  };
  pager.addEventListener('click', (event) => {
    const a = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!a || !rows) return;
    event.preventDefault();
    page = Number(a.dataset.page);
    show();
    table.scrollIntoView({ block: 'start' });
  });
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= fetch(list)
      .then((r) => r.json())
      .then((data: ListRow[]) => {
        rows = data;
      }));
  form.addEventListener('input', (event) => {
    if (event.target === sortSelect) return;
    page = 1;
    load().then(show);
  });
  form.addEventListener('reset', () =>
    setTimeout(() => {
      page = 1;
      load().then(show);
    }),
  );
  form.addEventListener('submit', (event) => event.preventDefault());
  // The rows load with the first use, or at once when the address asks for a view of them.
  form.addEventListener('focusin', () => load(), { once: true });
  if ([...params.keys()].length > 0) load().then(show);
}

const form = document.getElementById('list-controls');
if (form instanceof HTMLFormElement) enhanceList(form);
