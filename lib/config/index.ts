/** The tunables: one table, three spellings (env, SSM, Helm), bounds and defaults. */
export * from './tunables.js';
export * from './tunables-table.js';
