import { expect, test } from 'vitest';
import { estimateStrength } from './password-strength';

test('short passwords are weak whatever their characters', () => {
  expect(estimateStrength('')).toMatchObject({ label: 'weak', score: 0 });
  expect(estimateStrength('aB3$xY')).toMatchObject({ label: 'weak', hint: 'Use at least 8 characters.' });
});

test('common words, repeats and keyboard runs are penalised', () => {
  expect(estimateStrength('Password123!').label).toBe('weak');
  expect(estimateStrength('qwertyuiop12').label).toBe('weak');
  expect(estimateStrength('aaaaaaaaaaaaaaaa').label).toBe('weak');
});

test('length and mixed character classes make it fair, then strong', () => {
  expect(estimateStrength('Tr0ub4dor&3').label).toBe('fair');
  expect(estimateStrength('correct horse battery staple').label).toBe('strong');
  expect(estimateStrength('Zx9!kT9#mq2!Lp7')).toEqual({ score: 3, label: 'strong', hint: null });
});
