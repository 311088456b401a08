import { expect, test } from 'vitest';
import { describeReminderDays, formatReminderDays, parseReminderDays } from './reminder-days';

test('days are read with commas or spaces, deduplicated and sorted as the schema does', () => {
  expect(parseReminderDays('1, 7 ,7 14')).toEqual({ ok: true, days: [14, 7, 1] });
  expect(parseReminderDays('  ')).toEqual({ ok: true, days: [] });
  expect(formatReminderDays([14, 7, 1])).toBe('14, 7, 1');
});

test('anything but whole days in range is refused with the shared words', () => {
  expect(parseReminderDays('7, soon')).toEqual({ ok: false, message: 'Write whole days separated by commas, e.g. 7, 1.' });
  expect(parseReminderDays('3.5')).toMatchObject({ ok: false });
  expect(parseReminderDays('-1')).toMatchObject({ ok: false });
  expect(parseReminderDays('400')).toEqual({ ok: false, message: 'Reminder days must be at most 365.' });
  expect(parseReminderDays('1 2 3 4 5 6 7 8 9 10 11')).toEqual({ ok: false, message: 'At most 10 reminders.' });
});

test('the days are described in words', () => {
  expect(describeReminderDays([7, 1])).toBe('7 and 1 days before expiry');
  expect(describeReminderDays([1])).toBe('1 day before expiry');
  expect(describeReminderDays([14, 0])).toBe('14 days before expiry and on the expiry day');
  expect(describeReminderDays([0])).toBe('on the expiry day');
  expect(describeReminderDays([])).toBe('no reminders');
});
