/**
 * The machine's IPv4 interfaces (what server mode may listen on), who may call it (the chosen interface's own
 * network, and the PC itself) and the names a request may carry in its Host header.
 */
import { hostname, networkInterfaces } from 'node:os';

export const LOOPBACK = '127.0.0.1';

export interface NetworkChoice {
  address: string;
  /** CIDR such as 192.168.1.10/24; 127.0.0.1/8 for the loopback. */
  cidr: string;
  /** The interface's name on the machine (Ethernet, Wi-Fi, eth0). */
  name: string;
}

/** 127.0.0.1 first (the default: this PC only), then every IPv4 address of the machine. */
export function listInterfaces(
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): NetworkChoice[] {
  const choices: NetworkChoice[] = [{ address: LOOPBACK, cidr: `${LOOPBACK}/8`, name: 'Komputer ini saja' }];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4' || entry.internal || entry.address === LOOPBACK) continue;
      choices.push({ address: entry.address, cidr: entry.cidr ?? `${entry.address}/32`, name });
    }
  }
  return choices;
}

function toNumber(address: string): number | null {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** An IPv4 address as Node reports a peer ('::ffff:10.0.0.5' on a dual-stack socket) without the prefix. */
export function plainAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:/, '');
}

/** Whether the peer is this PC or on the chosen interface's network. */
export function callerAllowed(peer: string | undefined, cidr: string): boolean {
  const address = plainAddress(peer);
  if (address === LOOPBACK || address === '::1') return true;
  const [network, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const a = toNumber(address);
  const n = toNumber(network);
  if (a === null || n === null || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (a & mask) === (n & mask);
}

/** The Host values the server answers to: its address, its host name, and this PC's own names, each with the port. */
export function allowedHosts(address: string, port: number, host: string = hostname()): Set<string> {
  const names = new Set([address, LOOPBACK, 'localhost', host.toLowerCase()]);
  return new Set([...names].map((name) => `${name}:${port}`));
}
