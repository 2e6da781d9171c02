// Every environment variable Plexus reads, with what it does: each command's --help lists those it
// reads from here, and the README's table is written from it (npm run docs). A test reads the
// sources for every variable read from an env object, so none is read without being listed here.

export const ENVIRONMENT = {
  PLEXUS_CONTENT: 'the registry folder when --content is not given',
  PLEXUS_TODAY: 'the date (YYYY-MM-DD) reviews and sunsets are judged against, for reproducible runs; default today',
  PLEXUS_DIST: 'the site folder when --out is not given; default dist',
  PLEXUS_CACHE: 'where drawn diagrams are kept between builds; default .cache/plexus',
  PLEXUS_CHROMIUM: "the browser that draws diagrams (a path); none: draw them in the reader's browser",
  SITE_URL: "the site's address, for absolute links (https://org.github.io)",
  BASE_PATH: 'the path the site is served under (/registry for a GitHub project site); default /',
  PLEXUS_QUIET: "set: the build log shows only Astro's warnings and errors",
  PLEXUS_DEBUG: 'set: print where an unexpected failure happened (a stack trace), as --debug does',
  NO_COLOR: 'set: no colour, even on a terminal',
  FORCE_COLOR: 'set: colour even when the output is not a terminal (0: never)',
} as const;

export type EnvironmentVariable = keyof typeof ENVIRONMENT;

/** Read by every command. */
export const COMMON_ENVIRONMENT: readonly EnvironmentVariable[] = ['PLEXUS_DEBUG', 'NO_COLOR', 'FORCE_COLOR'];

/** Read, but not for a user to set: Plexus passes them to its own processes, or they are the system's or Vite's. */
export const INTERNAL_ENVIRONMENT = {
  PLEXUS_OUT_DIR: 'the folder Astro writes into, set by plexus build and preview for the Astro process',
  PATH: 'where Chromium is looked for',
  DEV: "Vite's import.meta.env.DEV",
  BASE_URL: "Vite's import.meta.env.BASE_URL, from BASE_PATH",
  TERM: 'dumb: no colour',
} as const;

/** The README's table of environment variables, one row each. */
export function environmentTable(): string {
  return ['| variable | what it does |', '|---|---|', ...Object.entries(ENVIRONMENT).map(([name, what]) => `| \`${name}\` | ${what} |`)].join('\n');
}
