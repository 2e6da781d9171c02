/** How statuses look on the site: a badge tone per status. */
export function tone(status: string): 'ok' | 'warn' | 'bad' | '' {
  if (['active', 'production', 'production-ready', 'approved'].includes(status)) return 'ok';
  if (['deprecated', 'maintenance', 'in-review', 'draft', 'in-development'].includes(status)) return 'warn';
  if (['retired', 'archived'].includes(status)) return 'bad';
  return '';
}

export const label = (value: string) => value.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
