// The compose form's draft of what a content type adds, and its translation into the `extra` of
// community-publish. The database validates again; this only gives the member an early, precise hint.
import type { PostExtra, PostType } from '../services/community.types';

export interface ExtraDraft {
  options: string[];
  multiple: boolean;
  anonymous: boolean;
  showResults: 'always' | 'after_vote' | 'after_close';
  /** poll deadline in days from now */
  pollDays: string;
  /** event start, 'YYYY-MM-DD HH:mm' in China time */
  startsAt: string;
  place: string;
  capacity: string;
  pinned: boolean;
  required: boolean;
  /** 匿名提问 (questions) */
  askAnonymously: boolean;
}

export const EMPTY_DRAFT: ExtraDraft = {
  options: ['', ''], multiple: false, anonymous: true, showResults: 'after_vote', pollDays: '3',
  startsAt: '', place: '', capacity: '', pinned: true, required: false, askAnonymously: false,
};

const TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/;

/** 'YYYY-MM-DD HH:mm' in China time (UTC+8, no daylight saving) → ISO, or null when malformed. */
export function chinaTime(text: string): string | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const at = new Date(Date.UTC(y, mo - 1, d, h - 8, mi));
  // Date.UTC rolls 2026-02-30 over to March: refuse instead of guessing
  const back = new Date(at.getTime() + 8 * 3_600_000);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return at.toISOString();
}

/** The `extra` for this type, or the Chinese hint for what is missing. */
export function toExtra(type: PostType, draft: ExtraDraft, now = Date.now()): PostExtra | string {
  switch (type) {
    case 'poll': {
      const options = draft.options.map((o) => o.trim()).filter(Boolean);
      if (options.length < 2 || options.length > 10) return '投票须有 2–10 个选项';
      if (new Set(options).size !== options.length) return '选项不能重复';
      if (options.some((o) => o.length > 40)) return '每个选项不能超过 40 个字';
      const days = Number(draft.pollDays);
      return {
        type, options, max_choices: draft.multiple ? options.length : 1, anonymous: draft.anonymous,
        show_results: draft.showResults, closes_at: new Date(now + days * 86_400_000).toISOString(),
      };
    }
    case 'event': {
      const starts = chinaTime(draft.startsAt);
      if (!starts) return '请按“2026-12-20 14:00”的格式填写活动时间';
      if (Date.parse(starts) <= now) return '活动时间须在现在之后';
      if (!draft.place.trim()) return '请填写活动地点';
      const capacity = draft.capacity.trim() ? Number(draft.capacity.trim()) : null;
      if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 10000)) return '人数上限须为 1–10000，不限请留空';
      return { type, starts_at: starts, ends_at: null, place: draft.place.trim(), capacity, signup_closes_at: null };
    }
    case 'announcement':
      return { type, pinned: draft.pinned, required_department_ids: draft.required ? [] : null };
    case 'question':
      return draft.askAnonymously ? { type, anonymous: true } : { type };
    default:
      return { type: 'post' };
  }
}
