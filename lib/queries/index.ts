/**
 * The query layer: the only way pages, route handlers and the proxy reach data. One module per
 * subject, one function per query with object parameters, engine failures rethrown as typed
 * AppErrors (lib/errors.ts). No React here: app/_lib/data.ts memoizes per request for pages.
 */
export * from './search';
export * from './report';
export * from './agency';
export * from './compare';
export * from './stats';
export * from './status';
