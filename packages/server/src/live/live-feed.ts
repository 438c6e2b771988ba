import type { StateDelta } from '@pulse/contract';
import type { HubClient, HubMessage, WebSocketHub } from '../http/ws-hub.ts';
import type { Logger } from '../logger.ts';
import { diffObject } from './state-diff.ts';

type JsonObject = Record<string, unknown>;

/**
 * What the live feed and the history need from the poller: the current state and an event
 * after every poll cycle. The Monitor implements it.
 */
export interface StateSource<S extends object = object> {
  getState(): S;
  onCycle(listener: (state: S) => void): void;
}

/** A state message carries the sequence number of the state it holds, for delta clients. */
export interface LiveMessage extends HubMessage {
  seq?: number;
}

export interface LiveFeedOptions {
  hub: WebSocketHub;
  log: Logger;
  /** The state to greet clients with before the first cycle is published. */
  initialState(): object;
}

/**
 * The `/ws` protocol above the hub: `initialState` on connect, then after every cycle the
 * full state (`rawData`) or, for clients that asked for it, a `stateDelta`. Every message
 * holds the same wire form of the state, so a delta always applies to what the client has.
 */
export class LiveFeed {
  private seq = 0;
  private wire: JsonObject | undefined;
  /** Per-client mode; a WeakMap so a disconnected client leaves nothing behind. */
  private readonly deltaMode = new WeakMap<HubClient, boolean>();

  constructor(private readonly options: LiveFeedOptions) {
    const { hub } = options;
    hub.onConnect((client) => this.greet(client));
    hub.onMessage('requestData', (client) => client.send(this.fullMessage('rawData')));
    hub.onMessage('subscribe', (client, message) => this.subscribe(client, message.data));
  }

  /** Sequence number of the last published state (0 before the first cycle). */
  get currentSeq(): number {
    return this.seq;
  }

  /** Sends the state of a finished cycle to every client, each in the form it asked for. */
  publish(state: object): void {
    const previous = this.current();
    const next = toWire(state);
    const baseSeq = this.seq;
    this.wire = next;
    this.seq += 1;

    const full: LiveMessage = { type: 'rawData', data: next, seq: this.seq };
    let delta: LiveMessage | undefined;
    this.options.hub.broadcastEach((client) => {
      if (!this.wantsDelta(client)) return full;
      delta ??= this.deltaMessage(previous, next, baseSeq);
      return delta;
    });
  }

  private deltaMessage(previous: JsonObject, next: JsonObject, baseSeq: number): LiveMessage {
    const data: StateDelta = { seq: this.seq, baseSeq, changes: diffObject(previous, next) ?? {} };
    return { type: 'stateDelta', data };
  }

  private current(): JsonObject {
    this.wire ??= toWire(this.options.initialState());
    return this.wire;
  }

  private fullMessage(type: 'initialState' | 'rawData'): LiveMessage {
    return { type, data: this.current(), seq: this.seq };
  }

  private greet(client: HubClient): void {
    const flag = client.query.delta;
    if (flag === '1' || flag === 'true') this.deltaMode.set(client, true);
    client.send(this.fullMessage('initialState'));
  }

  /** `{"type":"subscribe","data":{"delta":true}}`; answered with a full state to start from. */
  private subscribe(client: HubClient, data: unknown): void {
    const wantsDelta = (data as { delta?: unknown } | undefined)?.delta === true;
    this.deltaMode.set(client, wantsDelta);
    this.options.log.debug({ client: client.id, delta: wantsDelta }, 'websocket subscription');
    client.send(this.fullMessage('rawData'));
  }

  private wantsDelta(client: HubClient): boolean {
    return this.deltaMode.get(client) === true;
  }
}

/**
 * The state exactly as a client will parse it: dates become strings, undefined fields vanish
 * and NaN becomes null. Diffing this form is what makes deltas exact.
 */
function toWire(state: object): JsonObject {
  return JSON.parse(JSON.stringify(state)) as JsonObject;
}
