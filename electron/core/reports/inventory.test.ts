/**
 * Exports of a real vault (real files, real crypto) in all four formats, read back with real
 * parsers: no token value or note anywhere, per-client exports hold exactly that client's
 * tokens, and the JSON is what `patvault export` has always printed.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenView } from '../../../shared/domain/token';
import { isAppError } from '../../../shared/errors';
import { SAMPLE_TOKENS, addSamples } from '../test-support/sample-tokens';
import { createTestVault, fixedClock, tempDir } from '../test-support/temp-vault';
import type { Vault } from '../vault/vault';
import { INVENTORY_FORMATS, renderInventory, tokenJson, type InventoryFormat, type InventoryOptions } from './index';
import { attr, elements, htmlRows, readCsv, readHtml, readIcs, text, unfoldIcs } from './test-support';

const NOW = '2026-11-23T10:00:00Z';
const now = new Date(NOW);

/** Extra tokens for what the samples lack: markup, a very long name, and a value/note of their own. */
const EXTRA = [
  { platform: 'custom', account: `O'Brien & Sons <b>`, client: 'Acme Client zq1', name: '<script>alert("zq7")</script>', token: 'zq7-secret-value-0123456789abcdef', expiresAt: '2027-01-15', notes: 'note zq7: never share' },
  { platform: 'gitlab', account: 'long-zq8', name: `${'Très long nom de jeton, 東京 🚀; '.repeat(6)}zq8`, token: 'glpat-ZQ8longlonglonglong', expiresAt: '2026-12-24', notes: 'line one zq8\nline two zq8', reminderDays: [14] },
] as const;

let cleanup: () => void;
let vault: Vault;
let views: TokenView[];
let ids: string[];

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  vault = await createTestVault(t.dir, { clock: fixedClock(NOW) });
  ids = addSamples(vault);
  for (const e of EXTRA) vault.tokens.add({ ...e, reminderDays: 'reminderDays' in e ? [...e.reminderDays] : undefined });
  vault.results.recordCheck(ids[1] as string, { result: 'invalid', reason: '401 "Unauthorized", token revoked?\nsee <https://x>', owner: 'gl-user, zq2' });
  views = vault.tokens.list();
});
afterAll(() => {
  vault.close();
  cleanup();
});

const exportAs = (format: InventoryFormat, opts: Partial<InventoryOptions> = {}) => renderInventory(views, format, { now, ...opts });

/** Every secret the vault holds: values, whole notes, and each line of a note. */
function secrets(): string[] {
  const out: string[] = [];
  for (const t of [...SAMPLE_TOKENS, ...EXTRA]) {
    out.push(t.token);
    const notes = 'notes' in t ? t.notes : '';
    if (notes !== '') out.push(notes, ...notes.split('\n').filter((l) => l.length >= 8));
  }
  return out;
}

/** The export as stored, and as a reader decodes it (entities, escapes and folding undone). */
function readable(format: InventoryFormat, content: string): string[] {
  switch (format) {
    case 'csv':
      return [content, readCsv(content).flat().join('\n')];
    case 'json':
      return [content, JSON.stringify(JSON.parse(content), null, 0).replace(/\\"/g, '"').replace(/\\n/g, '\n')];
    case 'html': {
      const { doc } = readHtml(content);
      return [content, text(doc), elements(doc).flatMap((e) => e.attrs.map((a) => a.value)).join('\n')];
    }
    case 'ics': {
      const cal = new ICAL.Component(ICAL.parse(content));
      const values = [cal, ...cal.getAllSubcomponents()].flatMap((c) => [...c.getAllProperties(), ...c.getAllSubcomponents().flatMap((s) => s.getAllProperties())]);
      return [content, values.map((p) => String(p.getFirstValue())).join('\n')];
    }
  }
}

/** Token ids each format says it holds. */
function exportedIds(format: InventoryFormat, content: string): string[] {
  switch (format) {
    case 'csv':
      return readCsv(content).slice(1).map((r) => r[0] as string);
    case 'json':
      return (JSON.parse(content) as { id: string }[]).map((t) => t.id);
    case 'html':
      return htmlRows(readHtml(content).doc).map((r) => r.id);
    case 'ics':
      return readIcs(content).events.map((e) => e.uid.slice(0, 32));
  }
}

describe('no token value and no note in any export', () => {
  it.each(INVENTORY_FORMATS)('%s, all tokens and per client', (format) => {
    const needles = secrets();
    for (const client of [undefined, 'Acme Client zq1', 'Globex Client zq2']) {
      const { content } = exportAs(format, { client });
      for (const hay of readable(format, content)) for (const n of needles) expect(hay, `${format} ${client ?? 'all'}`).not.toContain(n);
    }
  });

  it.each(INVENTORY_FORMATS)('%s ignores fields a view may gain later, even secret-looking ones', (format) => {
    const grown = views.map((v) => ({ ...v, notes: 'FUTURE-NOTES-zq', value: 'FUTURE-VALUE-zq', params: { apiKey: 'FUTURE-PARAM-zq' }, platformName: 'FUTURE-NAME-zq' }));
    const { content } = renderInventory(grown, format, { now });
    expect(content).not.toMatch(/FUTURE-/);
  });
});

describe('every token in every format', () => {
  it.each(INVENTORY_FORMATS)('%s lists the whole inventory (the calendar: tokens with an expiry)', (format) => {
    const r = exportAs(format);
    const expected = views.filter((v) => format !== 'ics' || v.expiresAt !== null).map((v) => v.id);
    expect(exportedIds(format, r.content).sort()).toEqual([...expected].sort());
    expect(r.count).toBe(expected.length);
    expect(r.extension).toBe(format);
    expect(r.suggestedFileName).toBe(`patvault-inventory-2026-11-23.${format}`);
  });

  it('JSON is the array `patvault export` prints: the same objects, pretty-printed, newline at the end', () => {
    const { content, mediaType } = exportAs('json');
    expect(content).toBe(`${JSON.stringify(views.map(tokenJson), null, 2)}\n`);
    expect(mediaType).toBe('application/json');
    const parsed = JSON.parse(content) as Record<string, unknown>[];
    // The fields scripts have always had, in this order; later ones are only ever appended.
    expect(Object.keys(parsed[0] as object).slice(0, 14)).toEqual(['id', 'platform', 'account', 'accountId', 'client', 'username', 'baseUrl', 'name', 'scopes', 'expiresAt', 'status', 'createdAt', 'updatedAt', 'lastCheck']);
    const checked = parsed.find((t) => t['id'] === ids[1]);
    expect(checked?.['lastCheck']).toEqual({ at: expect.any(String), result: 'invalid', reason: '401 "Unauthorized", token revoked?\nsee <https://x>', owner: 'gl-user, zq2' });
  });

  it('CSV fields read back exactly as stored, markup and a very long name included', () => {
    const rows = readCsv(exportAs('csv').content);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const v of views) {
      expect(byId.get(v.id)).toEqual([v.id, v.platform, v.account, v.client ?? '', v.username ?? '', v.baseUrl ?? '', v.name, v.scopes.join(' '), v.expiresAt ?? '', v.status, v.createdAt, v.updatedAt, v.lastCheck?.at ?? '', v.lastCheck?.result ?? '', v.expiry ?? '', v.expirySource ?? '', v.lastUsedAt ?? '', v.ywhRole ?? '', v.ywhScope ?? '', v.ywhAccess ?? '']);
    }
  });

  it('HTML shows each name, account and scope exactly, the check reason with its line break, and counts by status', () => {
    const { doc, errors } = readHtml(exportAs('html').content);
    expect(errors).toEqual([]);
    const rows = new Map(htmlRows(doc).map((r) => [r.id, r]));
    for (const v of views) {
      expect(rows.get(v.id)?.cells).toMatchObject({ name: v.name, account: v.account });
      expect(rows.get(v.id)?.scopes).toEqual(v.scopes.length > 0 ? v.scopes : []);
    }
    expect(rows.get(ids[1] as string)?.main['last-check']).toBe('invalid (401 "Unauthorized", token revoked?\nsee <https://x>; owner gl-user, zq2)');
    const counts = elements(doc).filter((e) => attr(e, 'data-status') !== undefined).map((tr) => [attr(tr, 'data-status'), Number(text(tr).replace(/\D/g, ''))]);
    const expected = new Map<string, number>();
    for (const v of views) expected.set(v.status, (expected.get(v.status) ?? 0) + 1);
    for (const [status, n] of counts) expect(n, String(status)).toBe(expected.get(status as string) ?? 0);
  });

  it("ICS: an all-day event on each expiry day, alarms 7 and 1 days before (or at the token's own days), the summary naming the token", () => {
    const { events } = readIcs(exportAs('ics').content);
    expect(views.find((v) => v.name.endsWith('zq8'))?.reminderDays).toEqual([14]);
    for (const v of views.filter((x) => x.expiresAt !== null)) {
      const e = events.find((x) => x.uid === `${v.id}-${v.expiresAt}@patvault`);
      const triggers = v.name.endsWith('zq8') ? ['-P14D'] : ['-P7D', '-P1D'];
      expect(e).toMatchObject({ start: v.expiresAt, startIsDate: true, triggers, dtstamp: '2026-11-23T10:00:00Z' });
      expect(e?.summary.startsWith(`Token expires: ${v.name} (`)).toBe(true);
    }
    const custom = readIcs(exportAs('ics', { reminderDaysBefore: [1, 30, 1] }).content).events;
    expect(custom.filter((e) => !e.summary.includes('zq8')).every((e) => e.triggers.join() === '-P30D,-P1D')).toBe(true);
  });

  it('ICS UIDs are the same in two exports made at different times', () => {
    const first = readIcs(exportAs('ics').content).events.map((e) => e.uid);
    const second = readIcs(renderInventory(views, 'ics', { now: new Date('2027-02-01T00:00:00Z') }).content).events.map((e) => e.uid);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });
});

describe('one client', () => {
  const acme = () => views.filter((v) => v.client === 'Acme Client zq1').map((v) => v.id);

  it.each(INVENTORY_FORMATS)('%s holds exactly that client’s tokens, matched without case or surrounding spaces', (format) => {
    const r = exportAs(format, { client: '  ACME client ZQ1 ' });
    expect(acme()).toHaveLength(3);
    expect(exportedIds(format, r.content).sort()).toEqual([...acme()].sort());
    expect(r.suggestedFileName).toBe(`patvault-inventory-2026-11-23-acme-client-zq1.${format}`);
  });

  it('the page names the client, and the title says whose inventory it is', () => {
    const { doc } = readHtml(exportAs('html', { client: 'acme client zq1' }).content);
    expect(text(elements(doc).find((e) => e.tagName === 'h1') as never)).toBe('Token inventory: Acme Client zq1');
    expect(htmlRows(doc).every((r) => r.client === 'Acme Client zq1')).toBe(true);
    expect(text(elements(doc).find((e) => attr(e, 'class') === 'meta') as never)).toContain('Client: Acme Client zq1');
  });

  it('an unknown client is BAD_INPUT naming the known clients', () => {
    const err = catchError(() => exportAs('csv', { client: 'Acme Client zq9' }));
    expect(isAppError(err) && err.code).toBe('BAD_INPUT');
    expect((err as Error).message).toBe(
      'No token is held for client "Acme Client zq9". Known clients: "Acme Client zq1", "Globex Client zq2", "Initech zq4", "Umbrella zq6".',
    );
  });

  it('with no client in the vault the message says so; tokens without a client are only in the full export', () => {
    const noClients = views.filter((v) => v.client === null);
    expect(noClients.length).toBeGreaterThan(0);
    const err = catchError(() => renderInventory(noClients, 'json', { now, client: 'Acme' }));
    expect((err as Error).message).toBe('No token is held for client "Acme": no token in the vault has a client.');
    expect(catchError(() => exportAs('json', { client: '  ' }))).toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('options', () => {
  it('refuses reminder days the app would refuse (whole days 0–365, at most 10), an unknown format and an invalid date', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => i);
    for (const bad of [[-1], [1.5], [366], [Number.NaN], eleven]) expect(catchError(() => exportAs('ics', { reminderDaysBefore: bad }))).toMatchObject({ code: 'BAD_INPUT' });
    expect(exportAs('ics', { reminderDaysBefore: [0, 365] }).count).toBeGreaterThan(0);
    expect(catchError(() => exportAs('pdf' as InventoryFormat))).toMatchObject({ code: 'BAD_INPUT' });
    expect(catchError(() => renderInventory(views, 'csv', { now: new Date('nope') }))).toMatchObject({ code: 'BAD_INPUT' });
  });

  it('uses a given title for the page and the calendar name', () => {
    const html = exportAs('html', { title: 'Tokens held for you' }).content;
    expect(text(elements(readHtml(html).doc).find((e) => e.tagName === 'title') as never)).toBe('Tokens held for you');
    // ical.js reads X- properties raw; calendar apps read X-WR-CALNAME as TEXT, so it is escaped like one.
    expect(unfoldIcs(exportAs('ics', { title: 'Tokens; expiry, soon' }).content)).toContain('\r\nX-WR-CALNAME:Tokens\\; expiry\\, soon\r\n');
  });

  it('slugs any client name into a safe file name', () => {
    const odd = views.map((v) => ({ ...v, client: 'Ünïcødé / "Client": 東京 🚀' }));
    expect(renderInventory(odd, 'csv', { now, client: 'ünïcødé / "client": 東京 🚀' }).suggestedFileName).toBe('patvault-inventory-2026-11-23-unicøde-client-東京.csv');
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
