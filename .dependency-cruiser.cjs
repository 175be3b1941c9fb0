/**
 * The layers of PortDesk, enforced by `npm run lint` (ARCHITECTURE.md explains them).
 * Type-only imports count: a type cycle is still a cycle, a type from a host is still a dependency.
 */
const HOSTS = '^electron/(main|preload|host|cli)/';
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules form no cycle, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ (contract, domain, rules) imports nothing of electron/ or renderer/, and no Node built-in: both sides use it.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/|^node_modules/electron/', dependencyTypesNot: [] },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-is-host-agnostic',
      comment: 'The core never imports electron, a host, a worker entry, the simulator or the renderer: hosts pass in what it needs.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^electron/(main|preload|host|cli|workers|simulator)/|^renderer/|^node_modules/electron/' },
    },
    {
      name: 'electron-only-in-main',
      comment: 'Only the Electron main process and the preload import electron (the binary is absent in tests and the loopback host).',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a sandboxed page: no Node built-ins, no backend code.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/', dependencyTypesNot: [] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'hosts-independent',
      comment: 'Hosts (Electron main + preload, the loopback host, the CLI) do not import each other; the CLI may start the loopback host (portdesk serve).',
      severity: 'error',
      from: { path: '^electron/(main|preload|host)/' },
      to: { path: HOSTS, pathNot: '^electron/$1/' },
    },
    {
      name: 'cli-not-electron-host',
      severity: 'error',
      from: { path: '^electron/cli/' },
      to: { path: '^electron/(main|preload)/' },
    },
    {
      name: 'simulator-beside-hosts',
      comment: 'The simulator is started by a host; it never imports one.',
      severity: 'error',
      from: { path: '^electron/simulator/' },
      to: { path: HOSTS },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
