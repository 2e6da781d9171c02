// The files `plexus init` and `npm create plexus` write: a registry project of the team's own that
// depends on Plexus. Dependency-free on purpose: both run before anything is installed, and
// create-plexus ships this file compiled (see src/init/write.ts).

/** The smallest registry that checks clean and shows every kind of page: two repositories, one integration, one document. */
export const STARTER: Record<string, string> = {
  'content/ecosystem.yaml': `name: Acme
description: What our systems are and how they talk to each other. Edit this sentence first.
currentProject: web-app
referenceProject: web-app
maintainedBy: platform
registryVersion: 0.1.0
lastUpdated: {TODAY}
nextReview: {NEXT_REVIEW}
policies:
  deprecationNoticeMonths: 3
  parallelSupportMonths: 1
`,
  'content/teams/platform.yaml': `name: Platform
lead: unknown
contacts:
  chat: "#platform"
`,
  'content/repositories/web-app.yaml': `name: Web App
purpose: The site our customers use
role: Frontend
kind: frontend
status: active
url: unknown
team: platform
`,
  'content/repositories/api.yaml': `name: API
purpose: Accounts and orders behind the web app
role: Backend
kind: service
status: active
url: unknown
team: platform
`,
  'content/integrations/web-app-to-api.yaml': `title: Web App to API
provider: api
consumers: [web-app]
purpose: The web app reads and writes accounts and orders
type: rest
protocol: HTTPS
auth: unknown
owner: platform
status: production
`,
  'content/docs/getting-started.md': `---
title: Getting started with the registry
purpose: How this registry is kept and where its site is published
type: Guide
kind: guide
status: draft
version: 0.1.0
date: {TODAY}
authors: [Platform]
---

# Getting started with the registry

Every repository, integration, event and team is a YAML file under \`content/\`. Run
\`npm run check\` after an edit; \`npm run dev\` shows the site while you write.
`,
};

export const GITIGNORE = `node_modules/
/dist
/.dist.builds/
/dist.lock
.cache/
.astro/
`;

export function packageJson(name: string, plexusVersion: string): string {
  const pkg = {
    name,
    private: true,
    type: 'module',
    description: 'Our integration registry, built with Plexus.',
    scripts: {
      check: 'plexus check',
      build: 'plexus build',
      dev: 'plexus dev',
      preview: 'plexus preview',
    },
    // Plexus's site needs Node 22.12 or newer: the Node that runs npm, none installed beside it.
    engines: { node: '>=22.12' },
    allowScripts: { esbuild: true },
    dependencies: { plexus: `^${plexusVersion}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * The first steps of both workflows: the repository, the Node Plexus runs on with npm's cache, and
 * the install. The cache is keyed on package.json and package-lock.json: setup-node's npm cache
 * fails without a lockfile, and a project is pushed first without one (npm install writes it).
 * `npm ci` installs exactly the committed lockfile once there is one.
 */
const INSTALL = `      - uses: actions/checkout@v7
      - uses: actions/setup-node@v7
        with:
          node-version: 24
          cache: npm
          cache-dependency-path: package*.json
      - name: Install (npm ci once package-lock.json is committed)
        run: if [ -f package-lock.json ]; then npm ci; else npm install; fi
`;

/** The same, with the whole history: \`plexus diff\` reads the base branch from git. */
const DIFF_INSTALL = INSTALL.replace('      - uses: actions/checkout@v7\n', '      - uses: actions/checkout@v7\n        with:\n          fetch-depth: 0\n');

/** Pull requests are checked with the same command as a person runs, and the changes they make are posted on them. */
export const CHECK_WORKFLOW = `# Checks the registry on every pull request: the same command as \`npm run check\`.
name: Check registry

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

# A newer push to the same branch or pull request cancels the check still running for the older one.
concurrency:
  group: check-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
${INSTALL}      # Each problem as an annotation at its line in the pull request's files.
      - run: npm run check -- --format github

  # What the pull request changes, whom it reaches and whom to tell, and what breaks consumers
  # against the registry's deprecation policy: one comment on the pull request, updated on each push.
  diff:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
${DIFF_INSTALL}      - name: Compare with the base branch
        id: diff
        env:
          BASE_REF: \${{ github.base_ref }}
        run: |
          set +e
          npx plexus diff "origin/$BASE_REF" --format markdown > plexus-diff.md
          echo "exit=$?" >> "$GITHUB_OUTPUT"
          cat plexus-diff.md >> "$GITHUB_STEP_SUMMARY"
      # The comment starts with <!-- plexus-diff -->: found by it, it is edited rather than posted again.
      # A pull request from a fork gets a read-only token: the comment is left out, the job summary has it.
      - name: Comment on the pull request
        if: github.event.pull_request.head.repo.full_name == github.repository
        env:
          GH_TOKEN: \${{ github.token }}
          PR: \${{ github.event.pull_request.number }}
        run: |
          [ -s plexus-diff.md ] || exit 0
          id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate --jq '.[] | select(.body | startswith("<!-- plexus-diff -->")) | .id' | head -n 1)
          if [ -n "$id" ]; then gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@plexus-diff.md > /dev/null
          else gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" -F body=@plexus-diff.md > /dev/null; fi
      - name: Fail on a breaking change
        if: steps.diff.outputs.exit != '0'
        run: exit "$EXIT"
        env:
          EXIT: \${{ steps.diff.outputs.exit }}
`;

/** main is built and published with GitHub's own Pages actions; the base path comes from Pages. */
export const DEPLOY_WORKFLOW = `# Builds the registry's site and publishes it to GitHub Pages on every push to main.
# In the repository's settings, set Pages to deploy from GitHub Actions.
name: Deploy site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${INSTALL}      - id: pages
        uses: actions/configure-pages@v6
      # Diagrams are drawn once and cached by content hash: keep the cache between runs.
      - uses: actions/cache@v6
        with:
          path: .cache/plexus
          key: plexus-diagrams-\${{ hashFiles('content/**') }}
          restore-keys: plexus-diagrams-
      # The base path comes from Pages (/<repository>/ for a project site): nobody edits config to publish.
      # Diagrams are drawn in the runner's Google Chrome, which Plexus finds by itself.
      - run: npm run build
        env:
          SITE_URL: \${{ steps.pages.outputs.origin }}
          BASE_PATH: \${{ steps.pages.outputs.base_path }}
      - uses: actions/upload-pages-artifact@v5
        with:
          path: dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v5
`;

/** Editor settings: YAML files complete and check against the installed schemas, with no comment in each file. */
export function vscodeSettings(globs: Record<string, string>): string {
  const schemas: Record<string, string> = {};
  for (const [kind, glob] of Object.entries(globs)) schemas[`./node_modules/plexus/schemas/${kind}.schema.json`] = glob;
  return `${JSON.stringify({ 'yaml.schemas': schemas }, null, 2)}\n`;
}

export const VSCODE_EXTENSIONS = `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`;

export function readme(name: string): string {
  return `# ${name}

Our integration registry: which repositories exist, how they integrate, who owns each
integration and whom to call when it breaks. The registry is the YAML under \`content/\`;
Plexus checks it and builds its site.

\`\`\`sh
npm install        # once: Plexus and what it needs (Node 22.12 or newer)
npm run check      # every mistake as file:line:col, with a hint
npm run dev        # the site, live, while you edit
npm run build      # the site into dist/
\`\`\`

Commit the \`package-lock.json\` that the first \`npm install\` writes: the workflows then install
exactly those versions with \`npm ci\` (until it is committed they run \`npm install\`).

- Add a repository, owned by a team in \`content/teams/\`: \`npx plexus new repository my-service --team platform\`,
  then fill in the file it writes.
- Add how two repositories integrate, the one that provides it and those that use it:
  \`npx plexus new integration web-app-to-my-service --provider my-service --consumers web-app --type rest\`.
- Brand the site: \`site:\` in \`content/ecosystem.yaml\` (title, logo, colours, header links),
  images in \`content/public/\`.
- Change a document's layout: copy a template from \`node_modules/plexus/templates/\` into
  \`content/templates/\` and edit it there.
- Upgrade Plexus: \`npm install plexus@latest\`, then \`npm run check\`.

Pull requests run \`npm run check\` (\`.github/workflows/check.yml\`), and \`npx plexus diff\` keeps one comment on
each saying what it changes, whom that reaches and whom to tell, and what breaks; \`main\` is published to
GitHub Pages (\`.github/workflows/deploy.yml\`) once Pages is set to deploy from GitHub Actions.
Editors with the YAML extension complete and check every file from the installed schemas
(\`.vscode/settings.json\`).
`;
}

/** Which files each installed JSON Schema describes (documents' front matter is not a YAML file of its own). */
export const SCHEMA_GLOBS: Record<string, string> = {
  ecosystem: 'content/ecosystem.yaml',
  team: 'content/teams/*.yaml',
  repository: 'content/repositories/*.yaml',
  integration: 'content/integrations/*.yaml',
  event: 'content/events/*.yaml',
  pattern: 'content/patterns/*.yaml',
  protocol: 'content/protocols/*.yaml',
  docset: 'content/docsets/*.yaml',
  resource: 'content/resources/*.yaml',
  system: 'content/systems/*.yaml',
  domain: 'content/domains/*.yaml',
};
