export * from './charts.ts';
export * from './nodes.ts';
export * from './security.ts';
export * from './sparklines.ts';
export * from './state.ts';
export * from './state-delta.ts';
export * from './state-responses.ts';
export * from './system.ts';
