export * from './system.ts';
export * from './security.ts';
export * from './nodes.ts';
export * from './state.ts';
