/**
 * Looking at the page as a test needs to: screenshots into artifacts/screenshots (the folder
 * CI keeps), an axe-core scan that fails with a readable list of violations, and the two
 * searches behind "the renderer never held the value" — the page's JavaScript heap and its DOM.
 * axe and the heap snapshot go through the DevTools protocol, which the page's CSP does not
 * govern, so the page needs no inspection hook and its own policy stays whole.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './environment';

export const SCREENSHOT_DIR = join(ROOT, 'artifacts', 'screenshots');

/** Saves a full-page PNG to artifacts/screenshots/<name>.png; returns the path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

let axeSource: string | null = null;

/**
 * Runs axe-core over the whole document and returns its violations. axe is evaluated through
 * the DevTools protocol (page.evaluate), which CSP does not apply to; the page's own policy
 * stays in force for everything else.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(`${axeSource}\n;void 0`);
  const result = (await page.evaluate(`(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
  })()`)) as AxeViolation[];
  return result;
}

/** Fails with every violation, its nodes and axe's fix summary. */
export async function expectNoAxeViolations(page: Page, screenName: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  const lines = violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      - ${JSON.stringify(n.target)}: ${n.html.slice(0, 160)}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`)
      .join('\n');
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `  • [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
  });
  throw new Error(`axe: ${violations.length} violation(s) on screen "${screenName}":\n${lines.join('\n')}`);
}

/**
 * Which of `needles` occur in any string on the page's JavaScript heap (a V8 heap snapshot,
 * taken after a full GC, through the DevTools protocol). This covers the renderer store and
 * everything else the page holds, without any inspection hook in the app. The page never
 * receives the needles from here: the search runs in Node over the snapshot.
 */
export async function heapStringsContaining(page: Page, needles: readonly string[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    const snapshot = JSON.parse(chunks.join('')) as { strings: string[] };
    return needles.filter((n) => snapshot.strings.some((s) => s.includes(n)));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The page's DOM as text plus every form control's current value (what a user or script could read). */
export async function domText(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map((e) => e.value);
    return document.documentElement.outerHTML + '\\n' + values.join('\\n');
  })()`)) as string;
}
