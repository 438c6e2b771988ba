export * from './charts.ts';
export * from './system.ts';
export * from './security.ts';
export * from './state-delta.ts';
export * from './nodes.ts';
export * from './state.ts';
