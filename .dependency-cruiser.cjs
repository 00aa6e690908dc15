/**
 * The layer rule of DESIGN §3: domain ← engine ← {store, providers, imports, api} ← cli.
 * Each folder may import only from the layers below it; cycles are refused everywhere.
 */
const layer = (from, allowed) => ({
  name: `${from}-imports-only-${allowed.join('-') || 'itself'}`,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: '^src/', pathNot: [`^src/${from}/`, ...allowed.map((a) => `^src/${a}/`)] },
});

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    layer('domain', []),
    layer('engine', ['domain']),
    layer('store', ['domain', 'engine']),
    layer('providers', ['domain', 'engine']),
    layer('imports', ['domain', 'engine']),
    layer('api', ['domain', 'engine']),
    {
      name: 'engine-never-imports-concrete-adapters',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(store|providers|imports|api|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
