/**
 * Per test: the platform's mock API and a second host that must never see the token — after
 * each test it is asserted that none of its requests carried `token`, whatever the test did
 * (redirects, base URLs, retries). Both are handed to `use` and closed after the test.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { startMockServer, type MockReply, type MockServer } from './mock-server';

export function useTwoHosts(token: string, use: (api: MockServer, other: MockServer) => void, otherReply: MockReply = { json: {} }): void {
  let servers: [MockServer, MockServer] | null = null;
  beforeEach(async () => {
    servers = [await startMockServer(), await startMockServer({ '* *': otherReply })];
    use(...servers);
  });
  afterEach(async () => {
    if (servers === null) return;
    const [api, other] = servers;
    servers = null;
    expect(other.requestsCarrying(token)).toEqual([]);
    await api.close();
    await other.close();
  });
}
