import { type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

/** Field paths whose values never reach a log line, at any depth we log them. */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'tokenValue',
  '*.tokenValue',
  'secret',
  '*.secret',
  'ticket',
  '*.ticket',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-token"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export interface LoggerSetup {
  level: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture and grep them. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(setup: LoggerSetup): Logger {
  const options: LoggerOptions = {
    level: setup.level,
    base: { service: 'pulse' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return setup.destination ? pino(options, setup.destination) : pino(options);
}
