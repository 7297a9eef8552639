import { chinaTime, EMPTY_DRAFT, toExtra } from '../lib/compose-extra';

const NOW = Date.parse('2026-12-06T00:00:00Z');

describe('compose extras', () => {
  it('reads an event time as China time and refuses impossible dates', () => {
    expect(chinaTime('2026-12-20 14:00')).toBe('2026-12-20T06:00:00.000Z');
    expect(chinaTime('2026-2-30 10:00')).toBeNull();
    expect(chinaTime('明天下午')).toBeNull();
  });

  it('a poll needs two distinct options; multiple choice allows all of them; the deadline is days from now', () => {
    expect(toExtra('poll', { ...EMPTY_DRAFT, options: ['火锅', ''] }, NOW)).toBe('投票须有 2–10 个选项');
    expect(toExtra('poll', { ...EMPTY_DRAFT, options: ['火锅', '火锅 '] }, NOW)).toBe('选项不能重复');
    expect(toExtra('poll', { ...EMPTY_DRAFT, options: ['火锅', '烧烤', '轻食'], multiple: true, pollDays: '7' }, NOW)).toEqual({
      type: 'poll', options: ['火锅', '烧烤', '轻食'], max_choices: 3, anonymous: true, show_results: 'after_vote',
      closes_at: '2026-12-13T00:00:00.000Z',
    });
  });

  it('an event needs a future time and a place; capacity is optional', () => {
    expect(toExtra('event', { ...EMPTY_DRAFT, startsAt: '2026-12-01 10:00', place: '会议室' }, NOW)).toBe('活动时间须在现在之后');
    expect(toExtra('event', { ...EMPTY_DRAFT, startsAt: '2026-12-20 10:00', place: ' ' }, NOW)).toBe('请填写活动地点');
    expect(toExtra('event', { ...EMPTY_DRAFT, startsAt: '2026-12-20 10:00', place: '会议室', capacity: '0' }, NOW)).toContain('人数上限');
    expect(toExtra('event', { ...EMPTY_DRAFT, startsAt: '2026-12-20 10:00', place: '会议室', capacity: '' }, NOW))
      .toMatchObject({ type: 'event', place: '会议室', capacity: null, starts_at: '2026-12-20T02:00:00.000Z' });
  });

  it('an announcement is pinned by default and required reading for everyone when chosen', () => {
    expect(toExtra('announcement', { ...EMPTY_DRAFT, required: true }, NOW)).toEqual({ type: 'announcement', pinned: true, required_department_ids: [] });
  });
});
