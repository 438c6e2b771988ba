export { type ControlClient, simControl } from './control-client.ts';
export {
  FAULT_KINDS,
  type Fault,
  type FaultKind,
  SCOPED_FAULT_KINDS,
} from './http/faults.ts';
export type * from './model/types.ts';
export { parseScenario, readScenarioFile } from './scenario/file.ts';
export { labScenario } from './scenario/lab.ts';
export { loadScenario } from './scenario/load.ts';
export { ScenarioError } from './scenario/reader.ts';
export { scaleScenario } from './scenario/scale.ts';
export {
  type SimulatedEndpoint,
  type SimulatorHandle,
  type SimulatorOptions,
  startSimulator,
} from './start.ts';
