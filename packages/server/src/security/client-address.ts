import { BlockList, isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { ConfigError } from '../errors.ts';

/** Where a request really came from, after believing only the configured proxies. */
export interface ClientAddress {
  /** The client's IP: the socket peer, or the forwarded address a trusted proxy gave. */
  ip: string;
  /** The request reached us over TLS, directly or through a trusted proxy that said so. */
  isHttps: boolean;
  /** A direct loopback connection with no proxy in between (recovery mode needs this). */
  isDirectLoopback: boolean;
}

const PRIVATE_RANGES: [string, number, 'ipv4' | 'ipv6'][] = [
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
];

const PROXY_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-forwarded-proto'];

/** `::ffff:10.0.0.1` is how Node shows an IPv4 peer on a dual-stack socket. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return (mapped?.[1] ?? ip).toLowerCase();
}

function family(ip: string): 'ipv4' | 'ipv6' | undefined {
  const version = isIP(ip);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
}

/** A set of addresses and CIDR ranges, e.g. from `PULSE_TRUSTED_PROXIES`. */
export class AddressSet {
  private readonly list = new BlockList();
  readonly isEmpty: boolean;

  constructor(entries: string[], settingName: string) {
    for (const entry of entries) this.add(entry, settingName);
    this.isEmpty = entries.length === 0;
  }

  has(ip: string): boolean {
    const normalized = normalizeIp(ip);
    const kind = family(normalized);
    return kind !== undefined && this.list.check(normalized, kind);
  }

  private add(entry: string, settingName: string): void {
    const [address = '', bits] = entry.split('/');
    const kind = family(normalizeIp(address));
    if (!kind) throw new ConfigError(`${settingName}: ${entry} is not an IP address or CIDR`);
    if (bits === undefined) {
      this.list.addAddress(normalizeIp(address), kind);
      return;
    }
    const prefix = Number(bits);
    const max = kind === 'ipv4' ? 32 : 128;
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new ConfigError(`${settingName}: ${entry} has an invalid prefix length`);
    }
    this.list.addSubnet(normalizeIp(address), prefix, kind);
  }
}

const PRIVATE = new AddressSet(
  PRIVATE_RANGES.map(([address, bits]) => `${address}/${bits}`),
  'private ranges',
);

/** Loopback, link-local, RFC 1918 or unique-local: a home or office network. */
export function isPrivateAddress(ip: string): boolean {
  return PRIVATE.has(ip);
}

export function isLoopback(ip: string): boolean {
  const normalized = normalizeIp(ip);
  return normalized === '::1' || /^127\./.test(normalized);
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Walks `X-Forwarded-For` from the nearest hop outwards, skipping our own trusted proxies:
 * the first address that is not one of them is the client. Hops further out were written
 * by whoever sent the request and prove nothing.
 */
function forwardedClient(request: FastifyRequest, peer: string, proxies: AddressSet): string {
  const hops = (headerValue(request, 'x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => family(normalizeIp(hop)) !== undefined);
  let client = peer;
  for (let index = hops.length - 1; index >= 0 && proxies.has(client); index -= 1) {
    client = normalizeIp(hops[index] ?? client);
  }
  return client;
}

/** Resolves the client address of a request, believing forwarding headers only from proxies. */
export function resolveClientAddress(request: FastifyRequest, proxies: AddressSet): ClientAddress {
  const peer = normalizeIp(request.socket.remoteAddress ?? '');
  const fromProxy = proxies.has(peer);
  const isTls = 'encrypted' in request.socket && request.socket.encrypted === true;
  const forwardedProto = headerValue(request, 'x-forwarded-proto')?.split(',')[0]?.trim();
  const hasProxyHeaders = PROXY_HEADERS.some((name) => request.headers[name] !== undefined);

  return {
    ip: fromProxy ? forwardedClient(request, peer, proxies) : peer,
    isHttps: isTls || (fromProxy && forwardedProto === 'https'),
    isDirectLoopback: isLoopback(peer) && !fromProxy && !hasProxyHeaders,
  };
}
