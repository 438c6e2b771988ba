export * from './system.ts';
export * from './security.ts';
