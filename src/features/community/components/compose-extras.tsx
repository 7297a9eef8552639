import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui/button';
import { ChoiceChips } from '../../../ui/choice-chips';
import { TextField } from '../../../ui/text-field';
import type { ExtraDraft } from '../lib/compose-extra';
import type { PostType } from '../services/community.types';

export interface ComposeExtrasProps {
  type: PostType;
  draft: ExtraDraft;
  onChange(draft: ExtraDraft): void;
}

const YES_NO = [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }];
const yn = (on: boolean) => (on ? 'yes' : 'no');

/** The fields a content type adds to 发帖: poll options and rules, event time and place, announcement reach. */
export function ComposeExtras({ type, draft, onChange }: ComposeExtrasProps) {
  const set = (patch: Partial<ExtraDraft>) => onChange({ ...draft, ...patch });
  if (type === 'poll') {
    return (
      <View data-testid='community-compose-poll'>
        {draft.options.map((o, i) => (
          <TextField key={i} label={`选项 ${i + 1}`} value={o} maxLength={40} testId={`community-compose-option-${i}`}
            onChange={(v) => set({ options: draft.options.map((x, j) => (j === i ? v : x)) })} />
        ))}
        {draft.options.length < 10 && (
          <Button size='small' onClick={() => set({ options: [...draft.options, ''] })} data-testid='community-compose-option-add'>添加选项</Button>
        )}
        <ChoiceChips label='可多选' testId='community-compose-multiple' options={YES_NO} value={yn(draft.multiple)}
          onChange={(v) => set({ multiple: v === 'yes' })} />
        <ChoiceChips label='投票方式' testId='community-compose-anonymous' value={yn(draft.anonymous)}
          options={[{ value: 'yes', label: '匿名' }, { value: 'no', label: '实名（显示投票人）' }]} onChange={(v) => set({ anonymous: v === 'yes' })} />
        <ChoiceChips label='结果公布' testId='community-compose-results' value={draft.showResults}
          options={[{ value: 'after_vote', label: '投票后可见' }, { value: 'always', label: '随时可见' }, { value: 'after_close', label: '截止后公布' }]}
          onChange={(v) => set({ showResults: v as ExtraDraft['showResults'] })} />
        <ChoiceChips label='截止时间' testId='community-compose-deadline' value={draft.pollDays}
          options={[{ value: '1', label: '1 天后' }, { value: '3', label: '3 天后' }, { value: '7', label: '7 天后' }, { value: '30', label: '30 天后' }]}
          onChange={(v) => set({ pollDays: v })} />
      </View>
    );
  }
  if (type === 'event') {
    return (
      <View data-testid='community-compose-event'>
        <TextField label='活动时间' value={draft.startsAt} placeholder='如 2026-12-20 14:00' maxLength={16}
          testId='community-compose-starts' onChange={(v) => set({ startsAt: v })} />
        <TextField label='活动地点' value={draft.place} maxLength={60} testId='community-compose-place' onChange={(v) => set({ place: v })} />
        <TextField label='人数上限' value={draft.capacity} type='number' placeholder='不限请留空；满员后进入候补' maxLength={5}
          testId='community-compose-capacity' onChange={(v) => set({ capacity: v })} />
        <Text className='page-subtitle'>活动开始前一天会提醒已报名的同事。</Text>
      </View>
    );
  }
  if (type === 'announcement') {
    return (
      <View data-testid='community-compose-announcement'>
        <ChoiceChips label='置顶' testId='community-compose-pinned' options={YES_NO} value={yn(draft.pinned)} onChange={(v) => set({ pinned: v === 'yes' })} />
        <ChoiceChips label='全员必读' testId='community-compose-required' options={YES_NO} value={yn(draft.required)}
          onChange={(v) => set({ required: v === 'yes' })} />
        <Text className='page-subtitle'>必读公告会通知每位成员，并可查看已读情况。</Text>
      </View>
    );
  }
  if (type === 'question') {
    return (
      <View data-testid='community-compose-question'>
        <ChoiceChips label='提问方式' testId='community-compose-ask' value={yn(draft.askAnonymously)}
          options={[{ value: 'no', label: '实名提问' }, { value: 'yes', label: '匿名提问' }]} onChange={(v) => set({ askAnonymously: v === 'yes' })} />
        {draft.askAnonymously && (
          <Text className='community-notice' data-testid='community-compose-anonymous-notice'>
            匿名提问：其他同事看不到你的名字，你在本帖下的回复也显示为“匿名提问者”。企业管理员和社区管理员仍可查看提问人，用于处理违规内容（《服务协议》4.4）。
          </Text>
        )}
      </View>
    );
  }
  return null;
}
