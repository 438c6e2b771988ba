import type { ScenarioSpec } from '../model/types.ts';
import { readScenarioFile } from './file.ts';
import { labScenario } from './lab.ts';
import { ScenarioError } from './reader.ts';
import { parseScaleName, scaleScenario } from './scale.ts';

/**
 * Resolves a scenario name: `lab`, `scale-N`, or a path to a JSON scenario file.
 * A seed, when given, replaces the scenario's own.
 */
export function loadScenario(scenario: string, seed?: number): ScenarioSpec {
  if (scenario === 'lab') return labScenario(seed);
  const count = parseScaleName(scenario);
  if (count !== undefined) return scaleScenario(count, seed);
  if (scenario.startsWith('scale-')) {
    throw new ScenarioError(`scenario ${scenario}: scale-N takes N from 1 to 100000`);
  }
  if (!scenario.includes('/') && !scenario.endsWith('.json')) {
    throw new ScenarioError(
      `unknown scenario "${scenario}" (use lab, scale-N or a path to a .json file)`,
    );
  }
  const spec = readScenarioFile(scenario);
  return seed === undefined ? spec : { ...spec, seed };
}
