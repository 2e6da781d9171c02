import { z } from 'zod';
import { IsoDate, Link, Ref, SemVer, Text, UNKNOWN, WebUrl } from './common.ts';

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'Write a colour as # and six hex digits, e.g. "#0b6e4f".' });
const PublicFile = z.string().regex(/^(?!.*(?:^|\/)\.)[\w.-]+(?:\/[\w.-]+)*\.(?:svg|png|jpe?g|webp|gif|ico)$/i, {
  error: 'Name an image under public/ by its path there, e.g. "logo.svg" (no leading slash, no "..").',
});
const SitePath = z.string().regex(/^\/(?!\/)[^\s]*$/, { error: 'Use an http(s) URL, or a path on this site starting with "/".' });

/** `content/ecosystem.yaml`: the ecosystem as a whole, its policies and site settings. */
export const EcosystemSchema = z.strictObject({
  name: Text.describe('Ecosystem name; fills {ECOSYSTEM_NAME}. e.g. "Eventful".'),
  description: Text.describe('One paragraph on what the ecosystem does.'),
  currentProject: Ref('repository').describe(
    'Repository this registry is written from; fills {CURRENT_PROJECT}. unknown when not recorded (an import writes it so).',
  ),
  referenceProject: Ref('repository').describe('Repository holding shared integration docs; fills {REFERENCE_PROJECT}. unknown when not recorded.'),
  projects: z
    .array(Ref('repository'))
    .optional()
    .describe('Core repositories, in order: they fill {PROJECT_1}, {PROJECT_2}, … and head the registry document.'),
  maintainedBy: Ref('team').describe('Team that maintains the registry, e.g. "architecture"; unknown when not recorded.'),
  registryVersion: z.union([SemVer, z.literal(UNKNOWN)]).describe('Version of this registry, e.g. "1.2.0"; unknown when not recorded.'),
  lastUpdated: IsoDate.describe('When the registry was last updated.'),
  nextReview: z
    .union([IsoDate, z.literal(UNKNOWN)])
    .describe('When the registry is next reviewed; a past date is an overdue review; unknown when not decided.'),
  policies: z
    .strictObject({
      deprecationNoticeMonths: z
        .union([z.int().min(0), z.literal(UNKNOWN)])
        .describe('Months of notice before a breaking change or retirement, e.g. 6; unknown: no notice is checked.'),
      parallelSupportMonths: z
        .union([z.int().min(0), z.literal(UNKNOWN)])
        .describe('Months old and new run side by side after a retirement notice, e.g. 3; unknown when not decided.'),
      require: z
        .strictObject({
          integration: z.array(Text).optional().describe('Fields every integration must record, e.g. [auth, version, contacts].'),
          repository: z.array(Text).optional().describe('Fields every repository must record, e.g. [domain].'),
          team: z.array(Text).optional().describe('Fields every team must record, e.g. [lead, contacts].'),
          event: z.array(Text).optional().describe('Fields every event must record, e.g. [schema].'),
        })
        .optional()
        .describe('Fields that may be left out or written unknown in general, but that this registry requires; check reports each one missing.'),
      drift: z
        .enum(['error', 'warning', 'off'])
        .optional()
        .describe('How check reports drift between the registry and the OpenAPI/AsyncAPI documents it links: error, warning (the default) or off.'),
    })
    .describe('Policies that `plexus check` enforces.'),
  maintenance: z
    .array(
      z.strictObject({
        cadence: Text.describe('How often, e.g. "Weekly".'),
        scope: Text.describe('What is reviewed, e.g. "Health metrics and status updates".'),
      }),
    )
    .optional()
    .describe('When the registry is reviewed and what each review covers.'),
  mdx: z
    .boolean()
    .optional()
    .describe(
      'Whether .mdx documents may run. MDX is code: its JavaScript runs when the site is built (it can read files and the environment) and its elements reach every reader. Off unless set to true; see "Security model" in the README.',
    ),
  placeholders: z
    .record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: 'Placeholder names are UPPER_SNAKE, e.g. "SUPPORT_EMAIL".' }), Text)
    .optional()
    .describe('Extra values for `plexus fill`, by placeholder name, e.g. SUPPORT_EMAIL: help@eventful.example.'),
  site: z
    .strictObject({
      title: Text.optional().describe('Site title; defaults to "<name> integrations".'),
      url: WebUrl.optional().describe('Where the site is published, e.g. "https://eventful.github.io".'),
      base: Link.optional().describe('Base path under that URL, e.g. "/registry".'),
      logo: PublicFile.optional().describe('An image in the registry\'s public/ folder shown beside the title, e.g. "logo.svg".'),
      colors: z
        .strictObject({
          accent: HexColor.optional().describe('Links, bars and highlights in the light theme, e.g. "#0b6e4f".'),
          accentDark: HexColor.optional().describe('The same in the dark theme; choose a light colour, e.g. "#7fd1b0".'),
        })
        .optional()
        .describe('Brand colours.'),
      nav: z
        .array(
          z.strictObject({
            label: Text.describe('Link text, e.g. "Runbooks".'),
            url: z.union([WebUrl, SitePath]).describe('An http(s) URL, or a path on this site starting with "/".'),
          }),
        )
        .optional()
        .describe('Links added to the header, after the sections.'),
      repository: WebUrl.optional().describe(
        'The repository this registry is kept in, e.g. "https://github.com/eventful/registry": each page links to the file behind it ("Edit this page").',
      ),
      editBranch: Text.optional().describe('The branch edit links open, e.g. "main" (the default).'),
      searchAliases: z
        .array(z.array(Text).min(2))
        .optional()
        .describe(
          'Words search treats as one, e.g. [[mTLS, Mutual TLS]]: searching any word of a group searches for its last, the form the pages use. Added to the built-in groups.',
        ),
    })
    .optional()
    .describe('Site settings; SITE_URL and BASE_PATH in the environment override them.'),
});
export type Ecosystem = z.output<typeof EcosystemSchema>;
