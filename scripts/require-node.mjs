// Plain JavaScript on purpose: this must run, and explain itself, on any Node,
// including the older system one that cannot strip TypeScript types.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Plexus needs Node 22.12 or newer; this is Node ${process.versions.node} (${process.execPath}).\n` +
      'Run commands through npm (npm run …, npm test, npx plexus …) so the pinned Node from\n' +
      'node_modules/.bin is used, and run `npm install` first if node_modules is missing.',
  );
  process.exit(1);
}
