/**
 * Per-test set-up for renderer tests (vitest has no globals here, so Testing Library's
 * automatic cleanup does not run): unmount, reset the store, drop the api and timers, and
 * dispose the real cores the test started (their vaults and temp folders).
 */
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetStore } from '../store';
import { disposeApps } from './app-harness';
import { removeWindowApi } from './window-api';

/** Registers the clean-up after each test of the calling file. */
export function useUiTestCleanup(): void {
  afterEach(async () => {
    cleanup();
    resetStore();
    removeWindowApi();
    vi.useRealTimers();
    document.documentElement.removeAttribute('data-theme');
    await disposeApps();
  });
}

/**
 * jsdom has no layout: gives the list's scroll container a size so the virtualiser has a
 * viewport (every other element stays 0×0). Returns the function that restores jsdom.
 */
export function mockListViewport(height = 640, width = 900): () => void {
  const proto = HTMLElement.prototype;
  const original = {
    h: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    w: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
  };
  const sized = (el: HTMLElement) => el.classList.contains('list-scroll');
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: function (this: HTMLElement) { return sized(this) ? height : 0; } });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: function (this: HTMLElement) { return sized(this) ? width : 0; } });
  return () => {
    if (original.h) Object.defineProperty(proto, 'clientHeight', original.h);
    if (original.w) Object.defineProperty(proto, 'clientWidth', original.w);
  };
}
