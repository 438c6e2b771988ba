import { afterAll, beforeAll } from 'vitest';
import {
  type SimulatedEndpoint,
  type SimulatorHandle,
  type SimulatorOptions,
  startSimulator,
} from '../../src/index.ts';

/**
 * Starts a simulator before the file's tests and stops it after them. Returns a lookup of
 * its endpoints by name, usable in hooks and tests once the simulator is up.
 */
export function useSimulator(
  options: SimulatorOptions = { scenario: 'lab' },
): (name: string) => SimulatedEndpoint {
  let sim: SimulatorHandle | undefined;

  beforeAll(async () => {
    sim = await startSimulator(options);
  });

  afterAll(async () => {
    await sim?.stop();
  });

  return (name) => {
    const endpoint = sim?.endpoints.find((e) => e.name === name);
    if (!endpoint) throw new Error(`simulator has no endpoint ${name}`);
    return endpoint;
  };
}
