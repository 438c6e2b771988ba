import { applyStateDelta, PulseState, type StateDelta } from '@pulse/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { addNode, type Lab, nodeBody, startLab } from '../monitor/lab-fixture.ts';
import { openSocket, type TestSocket, wsUrl } from './ws-client.ts';

let lab: Lab;
let pulse: TestApp;
const sockets: TestSocket[] = [];

async function connect(path = '/ws'): Promise<TestSocket> {
  const socket = await openSocket(wsUrl(baseUrl(pulse.app), path));
  sockets.push(socket);
  return socket;
}

/** Moves the simulator's clock so the next poll sees new metrics. */
async function advanceLab(seconds: number): Promise<void> {
  const [first] = lab.sim.endpoints;
  if (first) await lab.control(first.name).advanceClock(seconds);
}

beforeAll(async () => {
  lab = await startLab();
  // A long interval: the test drives polls itself with pollOnce.
  pulse = await startTestApp({
    DISABLE_AUTH: 'true',
    CONNECTION_TIMEOUT: '2',
    POLLING_INTERVAL: '3600',
  });
  for (const endpoint of lab.sim.endpoints) await addNode(pulse, nodeBody(endpoint));
  await pulse.app.monitor.pollOnce();
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await pulse?.close();
  await lab?.stop();
});

describe('/ws protocol against the simulated lab', () => {
  it('greets with welcome and the full state, then sends rawData after a poll cycle', async () => {
    const client = await connect();

    const welcome = await client.next();
    expect(welcome.type).toBe('welcome');
    const initial = await client.next();
    expect(initial.type).toBe('initialState');
    const state = PulseState.parse(initial.data);
    expect(state.vms.length).toBeGreaterThan(0);

    await pulse.app.monitor.pollOnce();

    const update = await client.nextOf('rawData');
    expect(update.seq).toBeGreaterThan(initial.seq ?? 0);
    expect(PulseState.parse(update.data).nodes.map((node) => node.id)).toEqual(
      state.nodes.map((node) => node.id),
    );
  });

  it('sends a delta client changes only, which rebuild exactly the server state', async () => {
    const client = await connect('/ws?delta=1');
    await client.nextOf('welcome');
    const initial = await client.nextOf('initialState');
    let held = initial.data as PulseState;
    let seq = initial.seq ?? 0;
    let guestUpdates = 0;

    for (let round = 0; round < 3; round++) {
      await advanceLab(30);
      const polled = await pulse.app.monitor.pollOnce();
      for (let cycle = 0; cycle < polled.length; cycle++) {
        const message = await client.nextOf('stateDelta');
        const delta = message.data as StateDelta;
        expect(delta.baseSeq).toBe(seq);
        guestUpdates += Object.keys(delta.changes.entities?.vms?.update ?? {}).length;
        held = applyStateDelta(held, delta);
        seq = delta.seq;
      }
    }

    client.send({ type: 'requestData' });
    const full = await client.nextOf('rawData');
    expect(guestUpdates).toBeGreaterThan(0);
    expect(full.seq).toBe(seq);
    expect(held).toEqual(full.data);
  });

  it('switches a connected client to deltas when it subscribes', async () => {
    const client = await connect();
    await client.nextOf('initialState');

    client.send({ type: 'subscribe', data: { delta: true } });
    const base = await client.nextOf('rawData');
    await pulse.app.monitor.pollOnce();
    const message = await client.next();

    expect(message.type).toBe('stateDelta');
    expect((message.data as StateDelta).baseSeq).toBe(base.seq);
  });

  it('answers ping with pong', async () => {
    const client = await connect();
    await client.nextOf('initialState');

    client.send({ type: 'ping' });

    const pong = await client.nextOf('pong');
    expect(pong.data).toEqual({ timestamp: expect.any(Number) });
  });
});
