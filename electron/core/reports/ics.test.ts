/** The expiry calendar, read back by ical.js: what a calendar app would show and when it would remind. */
import { describe, expect, it } from 'vitest';
import { icsInventory } from './ics';
import { icsPhysicalLines, readIcs, unfoldIcs, view } from './test-support';

const now = new Date('2026-11-23T10:00:00Z');
const calendar = (views = [view()], reminderDaysBefore: readonly number[] = [7, 1]) => icsInventory(views, { now, title: 'Token inventory', reminderDaysBefore });

describe('expiry calendar', () => {
  it('is a VCALENDAR with PRODID, VERSION 2.0 and the Gregorian scale', () => {
    const { calendar: cal } = readIcs(calendar().content);
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toMatch(/PAT Vault/);
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
  });

  it('has one all-day event per token with an expiry, on that day, and none for tokens that never expire', () => {
    const views = [view({ id: 'a'.repeat(32), expiresAt: '2027-03-04' }), view({ id: 'b'.repeat(32), expiresAt: null }), view({ id: 'c'.repeat(32), expiresAt: '2026-12-31' })];
    const r = calendar(views);
    expect(r.events).toBe(2);
    const { events } = readIcs(r.content);
    expect(events.map((e) => [e.uid, e.start, e.startIsDate, e.end])).toEqual([
      [`${'a'.repeat(32)}-2027-03-04@patvault`, '2027-03-04', true, '2027-03-05'],
      [`${'c'.repeat(32)}-2026-12-31@patvault`, '2026-12-31', true, '2027-01-01'],
    ]);
    expect(events.every((e) => e.dtstamp === '2026-11-23T10:00:00Z')).toBe(true);
  });

  it('reminds 7 and 1 days before by default, and at the days asked for', () => {
    expect(readIcs(calendar().content).events[0]).toMatchObject({ triggers: ['-P7D', '-P1D'], alarmActions: ['DISPLAY', 'DISPLAY'] });
    expect(readIcs(calendar([view()], [30, 14, 0]).content).events[0]?.triggers).toEqual(['-P30D', '-P14D', 'PT0S']);
    expect(readIcs(calendar([view()], []).content).events[0]?.triggers).toEqual([]);
  });

  it("uses a token's own reminder days instead of the global ones, and none when its list is empty", () => {
    const views = [view({ id: 'a'.repeat(32), reminderDays: [30, 2] }), view({ id: 'b'.repeat(32), reminderDays: [] }), view({ id: 'c'.repeat(32), reminderDays: null })];
    expect(readIcs(calendar(views, [7, 1]).content).events.map((e) => e.triggers)).toEqual([['-P30D', '-P2D'], [], ['-P7D', '-P1D']]);
  });

  it('says which token, where, for which client and with which scopes', () => {
    const [e] = readIcs(calendar([view({ name: 'CI deploy', account: 'octocat', client: 'Acme', scopes: ['repo', 'read:org'] })]).content).events;
    expect(e?.summary).toBe('Token expires: CI deploy (GitHub / octocat)');
    expect(e?.description.split('\n')).toEqual(expect.arrayContaining(['Client: Acme', 'Scopes: repo, read:org']));
    const [custom] = readIcs(calendar([view({ platform: 'custom', customPlatformName: 'Acme Jira' })]).content).events;
    expect(custom?.summary).toBe('Token expires: CI deploy (Acme Jira / octocat)');
  });

  it('round-trips commas, semicolons, backslashes, line breaks, markup and unicode in every text', () => {
    const tricky = `Client, "Inc."; a\\b <script>x</script> ünïcødé 東京 🚀`;
    const [e] = readIcs(calendar([view({ name: `${tricky}\nline two`, account: tricky, client: tricky, scopes: [tricky] })]).content).events;
    expect(e?.summary).toBe(`Token expires: ${tricky}\nline two (GitHub / ${tricky})`);
    expect(e?.description.split('\n')).toEqual(expect.arrayContaining([`Client: ${tricky}`, `Account: ${tricky}`, `Scopes: ${tricky}`]));
  });

  it('folds long lines at 75 octets without splitting a character, and a very long name comes back whole', () => {
    const long = `${'Très long nom 東京 🚀 '.repeat(12)}end`;
    const r = calendar([view({ name: long, scopes: Array.from({ length: 30 }, (_, i) => `scope-${i}-東京`) })]);
    const lines = icsPhysicalLines(r.content);
    expect(lines.length).toBeGreaterThan(20);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(readIcs(r.content).events[0]?.summary).toBe(`Token expires: ${long} (GitHub / octocat)`);
    expect(unfoldIcs(r.content)).toContain(`SUMMARY:Token expires: ${long} (GitHub / octocat)\r\n`);
  });

  it('keeps each event UID across exports, so re-importing updates instead of duplicating', () => {
    const views = [view({ id: 'a'.repeat(32) }), view({ id: 'b'.repeat(32), name: 'other' })];
    const first = readIcs(calendar(views).content).events.map((e) => e.uid);
    const later = icsInventory([...views].reverse().map((v) => ({ ...v, name: `${v.name} renamed` })), { now: new Date('2027-01-01T00:00:00Z'), title: 't', reminderDaysBefore: [3] });
    expect(readIcs(later.content).events.map((e) => e.uid).sort()).toEqual([...first].sort());
    expect(new Set(first).size).toBe(2);
  });
});
