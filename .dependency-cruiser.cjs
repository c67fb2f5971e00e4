/**
 * The layering rules of docs/architecture.md, checked on every `npm test`:
 * shared ← core ← hosts (electron, http, cli); the renderer talks to the core only through
 * the typed contract in src-shared. Each rule says why it exists in `comment`.
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'src-shared is pure TypeScript shared by the core and the renderer: no Node, no DOM, no Electron, nothing from the other layers.',
      severity: 'error',
      from: { path: '^src-shared/' },
      to: { pathNot: '^(src-shared/|node_modules/(zod|decimal\\.js)/)' },
    },
    {
      name: 'renderer-only-through-contract',
      comment: 'The renderer reaches the core only through the typed client of the contract; it never imports src-main or Node built-ins.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/|^(node:)?(fs|path|os|child_process|worker_threads|crypto|net|http|https)$' },
    },
    {
      name: 'renderer-no-node-builtins',
      comment: 'The renderer is sandboxed web code.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-knows-no-host',
      comment: 'The core is built by one composition root and serves every host; it never imports a host or Electron.',
      severity: 'error',
      from: { path: '^src-main/core/' },
      to: { path: '^src-main/(electron|http|cli)/|^electron$' },
    },
    {
      name: 'hosts-are-independent',
      comment:
        'Hosts adapt one transport each and do not import one another, with two deliberate exceptions: the CLI starts the HTTP host (`clearline serve`), and the desktop binary runs the CLI as a mode (`--cli`).',
      severity: 'error',
      from: { path: '^src-main/(http|cli)/' },
      to: { path: '^src-main/electron/' },
    },
    {
      name: 'http-host-is-standalone',
      comment: 'The HTTP host depends on the core only.',
      severity: 'error',
      from: { path: '^src-main/http/' },
      to: { path: '^src-main/cli/' },
    },
    {
      name: 'only-the-shell-imports-electron',
      comment: 'Electron exists only in the desktop shell; everything else must run under plain Node.',
      severity: 'error',
      from: { pathNot: '^src-main/electron/' },
      to: { path: '^electron$|^node_modules/electron/' },
    },
    {
      name: 'business-logic-has-no-sql',
      comment: 'Only store dialects (src-main/core/store/sqlite, later postgres) use the SQLite driver, so a PostgreSQL store can replace it.',
      severity: 'error',
      from: { path: '^src-main/core/', pathNot: '^src-main/core/(store/sqlite|site/site-lock\\.ts)' },
      to: { path: 'better-sqlite3' },
    },
    {
      name: 'no-circular',
      comment: 'Cycles blur which module is lower in the layering.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.node.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
