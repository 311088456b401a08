/**
 * `patvault reminders`, spawning the built bundle against a real vault. Expiry dates are set
 * relative to today in the CLI's zone (TZ is given to the child), and every expectation is
 * recomputed from the clock around each run, retried if the day (or a reminder's hour) turned
 * during it, so the tests pass on any date. No token value ever shows up in any output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vault } from '../core/vault/vault';
import { reminderRows, reminderSummary, type ReminderRow } from './commands/reminders';
import type { TokenJson } from './format/tokens';
import { buildCli, createVault, failsWith, json, ok, vaultRunner, type RunResult } from './test-support';

const ZONE = 'Asia/Tokyo'; // no DST: the offset in nextReminderAt is always +09:00
const FIELDS = ['id', 'name', 'platform', 'account', 'client', 'expiresAt', 'daysLeft', 'status', 'reminderDays', 'nextReminderAt'];

/** Tokens by days from today; `check` and `revoked` give them a platform verdict. */
const TOKENS = [
  { name: 'expired three days ago', days: -3, platform: 'github', client: 'Acme' },
  { name: 'revoked yesterday', days: -1, platform: 'gitlab', client: 'Acme', revoked: true },
  { name: 'last day today', days: 0, platform: 'github', client: 'Acme', reminderDays: [] as number[] },
  { name: 'tomorrow', days: 1, platform: 'brass', client: null },
  { name: 'Globex bot', days: 2, platform: 'github', client: 'Globex', check: true },
  { name: 'own reminders', days: 5, platform: 'gitlab', client: 'Acme', reminderDays: [14, 3] },
  { name: 'first reminder passed', days: 29, platform: 'github', client: 'Acme', reminderDays: [30, 20] },
  { name: 'window edge', days: 30, platform: 'github', client: 'Acme' },
  { name: 'just outside', days: 31, platform: 'github', client: 'Acme' },
  { name: 'next year', days: 400, platform: 'github', client: 'Acme' },
  { name: 'never expires', days: null, platform: 'github', client: 'Acme' },
] as const;

const value = (i: number) => `ghp_reminders_secret_value_${i}_XYZ`;

let dir: string;
let ref: Vault;
let run: ReturnType<typeof vaultRunner>;
let emptyRun: ReturnType<typeof vaultRunner>;
let ids: string[];
const outputs: string[] = [];

const today = (): DateTime => DateTime.now().setZone(ZONE).startOf('day');

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-reminders-'));
  const path = join(dir, 'vault.sqlite');
  ref = await createVault(path);
  const base = today();
  ids = TOKENS.map((t, i) => {
    const v = ref.tokens.add({
      platform: t.platform,
      account: `acct-${i}`,
      client: t.client,
      name: t.name,
      token: value(i),
      expiresAt: t.days === null ? null : base.plus({ days: t.days }).toISODate(),
      ...('reminderDays' in t ? { reminderDays: [...t.reminderDays] } : {}),
    });
    if ('revoked' in t) ref.results.markRevoked(v.id, 'guided');
    if ('check' in t) ref.results.recordCheck(v.id, { result: 'active' });
    return v.id;
  });
  run = vaultRunner(path);
  const emptyPath = join(dir, 'empty.sqlite');
  (await createVault(emptyPath)).close();
  emptyRun = vaultRunner(emptyPath);
});

afterAll(() => {
  ref.close();
  rmSync(dir, { recursive: true, force: true });
  // Whatever ran, no value leaked into any output.
  for (const out of outputs) for (let i = 0; i < TOKENS.length; i++) expect(out).not.toContain(value(i));
});

/** What `reminders --within N` must print at `now`, computed independently with luxon. */
function expected(now: DateTime, within: number, client?: string): ReminderRow[] {
  const day = now.setZone(ZONE).startOf('day');
  return TOKENS.flatMap((t, i) => {
    // Revoked tokens get no reminders, here as in the app: dead on purpose.
    if (t.days === null || 'revoked' in t || (client && t.client?.toLowerCase() !== client.toLowerCase())) return [];
    const expiry = DateTime.fromISO(ref.tokens.get(ids[i]!).expiresAt!, { zone: ZONE });
    const daysLeft = Math.round(expiry.diff(day, 'days').days);
    if (daysLeft > within) return [];
    const reminderDays = 'reminderDays' in t ? [...t.reminderDays] : [7, 1];
    const next = reminderDays
      .map((d) => expiry.minus({ days: d }).set({ hour: 9 }))
      .filter((at) => at > now)
      .sort((a, b) => a.toMillis() - b.toMillis())[0];
    const status = daysLeft < 0 ? 'expired' : daysLeft <= 7 ? 'expiring' : 'check' in t ? 'active' : 'unknown';
    return [{
      id: ids[i]!,
      name: t.name,
      platform: t.platform,
      account: `acct-${i}`,
      client: t.client,
      expiresAt: expiry.toISODate()!,
      daysLeft,
      status,
      reminderDays,
      nextReminderAt: next ? next.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") : null,
    } satisfies ReminderRow];
  }).sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name, 'en'));
}

/** Runs until the expectation was the same before and after (a day or 09:00 passing mid-run retries). */
async function stable(args: string[], within: number, client?: string, env: Record<string, string> = { TZ: ZONE }) {
  for (let attempt = 0; ; attempt++) {
    const before = expected(DateTime.now(), within, client);
    const r: RunResult = await run(['reminders', ...args], [], { env });
    outputs.push(r.stdout, r.stderr);
    const after = expected(DateTime.now(), within, client);
    if (JSON.stringify(before) === JSON.stringify(after) || attempt === 3) return { r, rows: after };
  }
}

const names = (rows: readonly { name: string }[]) => rows.map((r) => r.name);

describe('reminders --json', () => {
  it('lists the tokens expiring within 30 days and the expired ones, soonest first, with stable field names', async () => {
    const { r, rows } = await stable(['--json'], 30);
    const got = json<ReminderRow[]>(r);
    expect(got).toEqual(rows);
    expect(names(got)).toEqual([
      'expired three days ago', 'last day today', 'tomorrow', 'Globex bot',
      'own reminders', 'first reminder passed', 'window edge',
    ]);
    for (const row of got) {
      expect(Object.keys(row)).toEqual(FIELDS);
      expect(row.id).toMatch(/^[0-9a-f]{32}$/);
      if (row.nextReminderAt !== null) expect(row.nextReminderAt).toMatch(/^\d{4}-\d\d-\d\dT09:00:00\+09:00$/);
    }
  });

  it('takes days and statuses from the one status function: they match list --json', async () => {
    const { r } = await stable(['--json'], 30);
    const listed = new Map(json<TokenJson[]>(await run(['list', '--json'], [], { env: { TZ: ZONE } })).map((t) => [t.id, t.status]));
    for (const row of json<ReminderRow[]>(r)) expect(row.status).toBe(listed.get(row.id));
  });

  it('shows each token its own reminder days: none, custom, or the default [7, 1]', async () => {
    const got = json<ReminderRow[]>((await stable(['--json'], 30)).r);
    const by = new Map(got.map((row) => [row.name, row]));
    expect(by.get('last day today')).toMatchObject({ reminderDays: [], nextReminderAt: null, daysLeft: 0, status: 'expiring' });
    expect(by.get('own reminders')).toMatchObject({ reminderDays: [14, 3], daysLeft: 5 });
    // 3 days before a day 5 days away: two days from now at 09:00.
    expect(by.get('own reminders')!.nextReminderAt).toBe(`${today().plus({ days: 2 }).toISODate()}T09:00:00+09:00`);
    expect(by.get('first reminder passed')!.nextReminderAt).toBe(`${today().plus({ days: 9 }).toISODate()}T09:00:00+09:00`);
    expect(by.get('tomorrow')!.reminderDays).toEqual([7, 1]);
    expect(by.get('expired three days ago')).toMatchObject({ daysLeft: -3, status: 'expired', nextReminderAt: null });
    expect(by.has('revoked yesterday')).toBe(false);
    expect(by.get('Globex bot')).toMatchObject({ status: 'expiring', client: 'Globex' });
  });

  it("follows the app's reminder policy from its settings file beside the vault; a token's own days still win", async () => {
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ reminderDays: [10, 2], reminderHour: 8 }));
    try {
      const got = json<ReminderRow[]>(await run(['reminders', '--json', '--within', '3650'], [], { env: { TZ: ZONE } }));
      const by = new Map(got.map((row) => [row.name, row]));
      expect(by.get('window edge')).toMatchObject({ reminderDays: [10, 2] });
      expect(by.get('own reminders')).toMatchObject({ reminderDays: [14, 3] });
      for (const row of got) if (row.nextReminderAt !== null) expect(row.nextReminderAt).toMatch(/T08:00:00\+09:00$/);
      expect(got.some((row) => row.nextReminderAt !== null)).toBe(true);
      // An unreadable settings file means the defaults, and the file is left as it was.
      writeFileSync(settings, '{ not json');
      const fallback = json<ReminderRow[]>(await run(['reminders', '--json', '--within', '3650'], [], { env: { TZ: ZONE } }));
      expect(fallback.find((row) => row.name === 'window edge')).toMatchObject({ reminderDays: [7, 1] });
      expect(readFileSync(settings, 'utf8')).toBe('{ not json');
    } finally {
      rmSync(settings, { force: true });
    }
  });

  it('writes the next reminder in the local zone with its offset', async () => {
    const { r } = await stable(['--json', '--within', '3650'], 3650, undefined, { TZ: 'UTC' });
    const got = json<ReminderRow[]>(r);
    // "next year" has both of its default reminders ahead, whatever the hour.
    expect(got.find((row) => row.name === 'next year')?.nextReminderAt).toMatch(/^\d{4}-\d\d-\d\dT09:00:00\+00:00$/);
    for (const row of got) if (row.nextReminderAt !== null) expect(row.nextReminderAt).toMatch(/T09:00:00\+00:00$/);
  });
});

describe('--within and --client', () => {
  for (const [arg, within] of [['31', 31], ['31d', 31], ['5w', 35], ['0', 0], ['3650', 3650], ['1W', 7], [' 2d ', 2]] as const) {
    it(`--within ${JSON.stringify(arg)} is ${within} days`, async () => {
      const { r, rows } = await stable(['--json', '--within', arg], within);
      expect(json<ReminderRow[]>(r)).toEqual(rows);
    });
  }

  it('the window bounds what is listed; expired tokens are always in', async () => {
    expect(names(json<ReminderRow[]>((await stable(['--json', '--within', '0'], 0)).r))).toEqual([
      'expired three days ago', 'last day today',
    ]);
    expect(names(json<ReminderRow[]>((await stable(['--json', '--within', '3650'], 3650)).r))).toContain('next year');
    expect(names(json<ReminderRow[]>((await stable(['--json', '--within=4w'], 28)).r))).not.toContain('first reminder passed');
  });

  for (const bad of ['abc', '-1', '3651', '522w', '1.5', '30x', '', 'd', '30dd', '1e3']) {
    it(`--within ${JSON.stringify(bad)} is bad usage`, async () => {
      const r = await run(['reminders', '--within', bad]);
      outputs.push(r.stdout, r.stderr);
      expect(failsWith(r, 2)).toMatch(/--within.*expected days like 30, 30d or 4w, from 0 to 3650 days/);
      expect(r.stdout).toBe('');
    });
  }

  it('--client keeps one client (case-insensitive); an unknown one lists nothing', async () => {
    const { r, rows } = await stable(['--json', '--client', 'GLOBEX'], 30, 'globex');
    expect(json<ReminderRow[]>(r)).toEqual(rows);
    expect(names(rows)).toEqual(['Globex bot']);
    const none = await stable(['--client', 'Nobody'], 30, 'nobody');
    expect(ok(none.r)).toBe('No token expires within 30 days.\n');
  });
});

describe('human output', () => {
  it('prints a table, short ids, and a closing line counting the expired', async () => {
    const { r, rows } = await stable([], 30);
    const lines = ok(r).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +PLATFORM +ACCOUNT +CLIENT +NAME +EXPIRES +STATUS +REMINDERS +NEXT REMINDER$/);
    expect(lines).toHaveLength(rows.length + 2);
    rows.forEach((row, i) => {
      const line = lines[i + 1]!;
      expect(line.startsWith(`${row.id.slice(0, 8)}  `)).toBe(true);
      expect(line).toContain(row.name);
      expect(line).not.toContain(row.id);
    });
    expect(lines.find((l) => l.includes('last day today'))).toMatch(/ none +-$/);
    expect(lines.find((l) => l.includes('own reminders'))).toMatch(/ 14d 3d +\d{4}-\d\d-\d\d 09:00$/);
    expect(lines.at(-1)).toBe(`${rows.length} tokens expire within 30 days (1 already expired).`);
  });

  it('says so when nothing expires: exit 0', async () => {
    for (const args of [[], ['--within', '7']]) {
      const r = await emptyRun(['reminders', ...args]);
      outputs.push(r.stdout, r.stderr);
      expect(ok(r)).toBe(`No token expires within ${args.length ? 7 : 30} days.\n`);
    }
    const r = await emptyRun(['reminders', '--json']);
    expect(json(r)).toEqual([]);
  });

  it('needs the master password, like list', async () => {
    const r = await vaultRunner(join(dir, 'vault.sqlite'), 'wrong password')(['reminders']);
    outputs.push(r.stdout, r.stderr);
    failsWith(r, 1);
    expect(r.stdout).toBe('');
  });
});

describe('reminderRows and the summary, in-process at fixed instants', () => {
  const view = (expiry: string, reminderDays: number[] | null = null) => ({ ...ref.tokens.get(ids[3]!), expiresAt: expiry.slice(0, 10), expiry, reminderDays });
  const late = new Date('2026-11-30T23:30:00Z'); // Dec 1 08:30 in Tokyo, Nov 30 15:30 in Los Angeles

  it('counts days and finds the next reminder in the zone given', () => {
    const [tokyo] = reminderRows([view('2026-12-01', [1, 0])], late, 30, 'Asia/Tokyo');
    expect(tokyo).toMatchObject({ daysLeft: 0, status: 'expiring', nextReminderAt: '2026-12-01T09:00:00+09:00' });
    const [la] = reminderRows([view('2026-12-01', [1, 0])], late, 30, 'America/Los_Angeles');
    expect(la).toMatchObject({ daysLeft: 1, status: 'expiring', nextReminderAt: '2026-12-01T09:00:00-08:00' });
    expect(reminderRows([view('2026-11-30')], late, 30, 'Asia/Tokyo')[0]).toMatchObject({ daysLeft: -1, status: 'expired', nextReminderAt: null });
    expect(reminderRows([view('2026-12-02')], late, 0, 'Asia/Tokyo')).toEqual([]);
    expect(reminderRows([view('2026-12-02')], late, 0, 'America/Los_Angeles')).toEqual([]);
  });

  it('a GitLab expiry (00:00 UTC on its date) counts from its last local day in each zone', () => {
    const gitlab = view('2026-12-01T00:00:00.000Z', [1]);
    const early = new Date('2026-11-30T12:00:00Z'); // Nov 30 21:00 in Tokyo, 04:00 in Los Angeles
    expect(reminderRows([gitlab], early, 30, 'Asia/Tokyo')[0]).toMatchObject({ expiresAt: '2026-12-01', daysLeft: 1, status: 'expiring' });
    expect(reminderRows([gitlab], early, 30, 'America/Los_Angeles')[0]).toMatchObject({ expiresAt: '2026-11-30', daysLeft: 0, status: 'expiring', nextReminderAt: null });
    // Past the instant: expired in every zone, whatever the local date.
    const after = new Date('2026-12-01T01:00:00Z'); // Dec 1 10:00 in Tokyo: its last day, but past the instant
    expect(reminderRows([gitlab], after, 30, 'Asia/Tokyo')[0]).toMatchObject({ daysLeft: 0, status: 'expired' });
  });

  it('words the closing line', () => {
    const row = (daysLeft: number) => ({ daysLeft }) as ReminderRow;
    expect(reminderSummary([], 30)).toBe('No token expires within 30 days.');
    expect(reminderSummary([], 0)).toBe('No token expires today.');
    expect(reminderSummary([row(3)], 1)).toBe('1 token expires within 1 day.');
    expect(reminderSummary([row(-1), row(0), row(4)], 30)).toBe('3 tokens expire within 30 days (1 already expired).');
  });
});
