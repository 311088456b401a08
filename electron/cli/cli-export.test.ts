/**
 * `patvault export` in its four formats, spawning the built bundle against a real vault:
 * HTML and iCalendar read back by real parsers, `--client` limits the export to that client
 * (case ignored), an unknown client fails with one line naming the known ones and changes
 * nothing, and a bad format is bad usage. No token value or note is ever printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { parse as parseHtml, type DefaultTreeAdapterTypes as T } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vault } from '../core/vault/vault';
import type { TokenJson } from './format/tokens';
import { buildCli, createVault, failsWith, json, ok, parseCsv, snapshot, vaultRunner } from './test-support';

const TOKENS = [
  { platform: 'github', account: 'acme-gh', client: 'Acme Corp', name: 'CI deploy', token: 'ghp_cliexport_secret_1', expiresAt: '2031-03-04', notes: 'note one: keep private' },
  { platform: 'gitlab', account: 'acme-gl', client: 'Acme Corp', name: '<script>alert("x")</script> & co', token: 'glpat-cliexport-secret-2', notes: 'note two' },
  { platform: 'github', account: 'globex', client: 'Globex, "Inc."', name: 'Release bot 東京 🚀', token: 'ghp_cliexport_secret_3', expiresAt: '2030-12-01', scopes: ['repo', 'read:org'] },
  { platform: 'brass', account: 'solo', name: 'Unfiled', token: '123|pat-cliexport-secret-4', expiresAt: '2029-06-30' },
] as const;

let dir: string;
let ref: Vault; // stays open: the snapshot before/after a failing export
let run: ReturnType<typeof vaultRunner>;
let ids: string[];

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-export-'));
  const path = join(dir, 'vault.sqlite');
  ref = await createVault(path);
  ids = TOKENS.map((t) => ref.tokens.add({ ...t, scopes: 'scopes' in t ? [...t.scopes] : undefined }).id);
  run = vaultRunner(path);
});

afterAll(() => {
  ref.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asserts no token value and no note is in `out`. */
function noSecrets(out: string): void {
  for (const t of TOKENS) {
    expect(out).not.toContain(t.token);
    if ('notes' in t) expect(out).not.toContain(t.notes);
  }
}

function elements(node: T.ParentNode): T.Element[] {
  return node.childNodes.flatMap((c) => ('tagName' in c ? [c, ...elements(c)] : []));
}
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const textOf = (n: T.ChildNode | T.ParentNode): string =>
  n.nodeName === '#text' ? (n as T.TextNode).value : 'childNodes' in n ? n.childNodes.map(textOf).join('') : '';

describe('export --format html', () => {
  it('prints one self-contained page listing every token, names exactly as stored', async () => {
    const out = ok(await run(['export', '--format', 'html']));
    noSecrets(out);
    const errors: string[] = [];
    const doc = parseHtml(out, { onParseError: (e) => errors.push(e.code) });
    expect(errors).toEqual([]);
    const all = elements(doc);
    expect(all.filter((e) => e.tagName === 'script')).toEqual([]);
    const rows = all.filter((e) => e.tagName === 'tr' && attr(e, 'data-token-id') !== undefined);
    expect(rows.map((r) => attr(r, 'data-token-id')).sort()).toEqual([...ids].sort());
    const names = rows.map((r) => textOf(elements(r).find((td) => attr(td, 'class') === 'name') as T.Element));
    expect(names.sort()).toEqual(TOKENS.map((t) => t.name).sort());
  });
});

describe('export --format ics', () => {
  it('prints a calendar with one all-day event and two reminders per token that expires', async () => {
    const out = ok(await run(['export', '--format', 'ics']));
    noSecrets(out);
    const cal = new ICAL.Component(ICAL.parse(out));
    const events = cal.getAllSubcomponents('vevent').map((e) => ({
      uid: String(e.getFirstPropertyValue('uid')),
      start: String(e.getFirstPropertyValue('dtstart')),
      triggers: e.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
    }));
    const expiring = TOKENS.flatMap((t, i) => ('expiresAt' in t ? [{ uid: `${ids[i]}-${t.expiresAt}@patvault`, start: t.expiresAt, triggers: ['-P7D', '-P1D'] }] : []));
    expect(events.sort((a, b) => a.uid.localeCompare(b.uid))).toEqual(expiring.sort((a, b) => a.uid.localeCompare(b.uid)));
  });

  it("takes its alarms from the app's reminder days in the settings file beside the vault", async () => {
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ reminderDays: [14, 3, 0] }));
    try {
      const cal = new ICAL.Component(ICAL.parse(ok(await run(['export', '--format', 'ics']))));
      const triggers = cal.getAllSubcomponents('vevent').map((e) => e.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))));
      expect(triggers.length).toBeGreaterThan(0);
      for (const t of triggers) expect(t).toEqual(['-P14D', '-P3D', 'PT0S']);
    } finally {
      rmSync(settings, { force: true });
    }
  });
});

describe('export --client', () => {
  it("keeps only that client's tokens, whatever the case, in every format", async () => {
    const acme = [ids[0], ids[1]].sort();
    const csv = parseCsv(ok(await run(['export', '--format', 'csv', '--client', 'acme corp'])));
    expect(csv.slice(1).map((r) => r[0]).sort()).toEqual(acme);
    const listed = json<TokenJson[]>(await run(['list', '--json', '--client', 'Acme Corp']));
    expect(json<TokenJson[]>(await run(['export', '--client', 'ACME CORP']))).toEqual(listed);
    const html = ok(await run(['export', '--format', 'html', '--client', 'Acme corp']));
    expect([...html.matchAll(/data-token-id="([0-9a-f]{32})"/g)].map((m) => m[1]).sort()).toEqual(acme);
    const ics = ok(await run(['export', '--format', 'ics', '--client', 'globex, "inc."']));
    expect([...ics.matchAll(/^UID:([0-9a-f]{32})-/gm)].map((m) => m[1])).toEqual([ids[2]]);
  });

  it('records format, client and count in the audit log', async () => {
    ok(await run(['export', '--format', 'ics', '--client', 'Acme Corp']));
    const log = json<{ action: string; detail: string }[]>(await run(['log', '--json']));
    expect(log.filter((e) => e.action === 'export').at(-1)?.detail).toBe('ics, client Acme Corp, 1 event');
  });

  it('an unknown client fails with one line naming the known clients, prints nothing and records nothing', async () => {
    const before = snapshot(ref);
    const r = await run(['export', '--format', 'csv', '--client', 'Initech']);
    expect(failsWith(r, 1)).toBe('patvault: No token is held for client "Initech". Known clients: "Acme Corp", "Globex, "Inc."".');
    expect(r.stdout).toBe('');
    expect(snapshot(ref)).toBe(before);
  });
});

describe('export usage', () => {
  it('a format it does not know is bad usage (exit 2)', async () => {
    const r = await run(['export', '--format', 'pdf']);
    expect(failsWith(r, 2)).toMatch(/pdf.*see patvault --help$/);
    expect(r.stdout).toBe('');
  });
});
