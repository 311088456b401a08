import { expect, test } from 'vitest';
import type { TokenView } from '../../../shared/domain/token';
import { sortKey } from './token-views';

const view = (client: string | null, account: string, name: string, id = '0'): TokenView =>
  ({ id, platform: 'github', account, client, name }) as unknown as TokenView;

test('lists sort by client, then account and name: case- and accent-blind, numbers in numeric order', () => {
  const views = [
    view('Zeta', 'a', 'x'),
    view('émile', 'a', 'x'),
    view('Emile', 'a', 'x', '1'),
    view(null, 'a', 'x'),
    view('acme', 'a', 'token 10'),
    view('Acme', 'a', 'token 2'),
  ];
  const sorted = [...views].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  expect(sorted.map((v) => `${v.client ?? '-'} ${v.name}`)).toEqual([
    '- x',
    'Acme token 2',
    'acme token 10',
    'émile x',
    'Emile x',
    'Zeta x',
  ]);
});
