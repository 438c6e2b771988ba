import { describe, expect, it } from 'vitest';
import { generatePassword } from './password-generator.ts';

describe('generatePassword', () => {
  it('makes passwords of the asked length from the unambiguous alphabet, never repeated', () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword(20));

    for (const password of passwords)
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9!@#$%&*_-]{20}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});
