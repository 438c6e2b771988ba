import bcrypt from 'bcryptjs';

export const BCRYPT_COST = 12;
const MIN_PASSWORD_LENGTH = 8;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `pulse hash-password`: reads a password on stdin, prints its bcrypt hash. */
export async function hashPasswordCommand(): Promise<number> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter, Ctrl-D): ');
  const password = (await readStdin()).replace(/\r?\n$/, '');
  if (password.length < MIN_PASSWORD_LENGTH) {
    process.stderr.write(`pulse: password must have at least ${MIN_PASSWORD_LENGTH} characters\n`);
    return 2;
  }
  process.stdout.write(`${await bcrypt.hash(password, BCRYPT_COST)}\n`);
  return 0;
}
