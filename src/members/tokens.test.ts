import { expect, it } from 'vitest';
import { emailKey, hashToken, isPlausibleEmail, newToken } from './tokens.ts';
import { passwordProblem } from './passwords.ts';

it('makes unguessable tokens and stores only their hash', () => {
  const a = newToken();
  const b = newToken();
  expect(a.token).not.toBe(b.token);
  expect(a.token.length).toBeGreaterThanOrEqual(43);
  expect(hashToken(a.token)).toBe(a.hash);
  expect(a.hash).not.toContain(a.token);
});

it('normalises emails so one person gets one trial', () => {
  expect(emailKey(' Jane.Doe+news@GoogleMail.com ')).toBe('janedoe@gmail.com');
  expect(emailKey('jane.doe+x@example.org')).toBe('jane.doe@example.org');
  expect(isPlausibleEmail('a@b.co')).toBe(true);
  expect(isPlausibleEmail('a@b')).toBe(false);
  expect(isPlausibleEmail('not an email')).toBe(false);
});

it('refuses weak passwords with a reason', () => {
  expect(passwordProblem('short')).toMatch(/at least 10/);
  expect(passwordProblem('password123')).toMatch(/easy to guess/);
  expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/easy to guess/);
  expect(passwordProblem('janedoe-rocks-2026', 'janedoe@example.org')).toMatch(/email/);
  expect(passwordProblem('correct horse battery staple')).toBeNull();
});
