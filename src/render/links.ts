// The one rule for where a link written in registry or spec text may go: an http(s) or mailto
// address, or a relative path or in-page anchor (no scheme at all). Every other scheme can do
// something when clicked (`javascript:` and `data:` run script, `ms-msdt:` starts a Windows
// tool), so text that names one is never made a link.

/** `url` as a browser starts reading it: it drops tabs and newlines anywhere, and controls and spaces before it. */
function asBrowsersRead(url: string): string {
  const text = url.replace(/[\t\n\r]/g, '');
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 0x20) start++;
  return text.slice(start);
}

/** Whether a link may go to `url`: http(s), mailto, or no scheme (a relative path, `#anchor`). */
export function linkAllowed(url: string): boolean {
  const text = asBrowsersRead(url);
  return !/^[a-z][a-z0-9+.-]*:/i.test(text) || /^(https?|mailto):/i.test(text);
}
