import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { Button } from '../../../ui/button';
import type { Channel, ChannelSetting, KindSetting } from '../services/notifications.types';
import { ChannelSwitch } from './channel-switch';
import './notifications.css';

export const CHANNEL_LABELS: Record<Channel, string> = { sms: '短信', wechat_subscribe: '微信订阅消息', wecom: '企业微信' };

const UNREACHABLE: Record<Channel, string> = {
  sms: '未绑定手机号',
  wechat_subscribe: '在微信小程序中登录并订阅后可用',
  wecom: '使用企业微信登录后可用',
};

function hint(c: ChannelSetting): string {
  if (!c.reachable) return UNREACHABLE[c.channel];
  if (c.channel === 'wechat_subscribe') return c.grants ? `还可提醒 ${c.grants} 次` : '需先订阅（每次订阅可提醒一次）';
  return '';
}

export interface NotificationSettingsProps {
  kinds: KindSetting[];
  onToggle(kind: string, channel: Channel, enabled: boolean): Promise<void>;
  /** weapp only: ask for WeChat subscribe messages (resolves with what to tell the member) */
  onSubscribe?: () => Promise<string>;
}

/** 通知设置: per kind, a switch per channel; mandatory kinds locked on with 不可关闭. In-app is always on. */
export function NotificationSettings({ kinds, onToggle, onSubscribe }: NotificationSettingsProps) {
  const { busy, error, run } = useAction();
  // the switch being saved (only it is disabled meanwhile)
  const [saving, setSaving] = useState('');
  const [notice, setNotice] = useState('');

  const toggle = (kind: string, channel: Channel, enabled: boolean) => {
    setSaving(`${kind}|${channel}`);
    return run(() => onToggle(kind, channel, enabled));
  };

  const subscribe = async () => {
    if (!onSubscribe) return;
    setSaving('');
    setNotice('');
    await run(async () => setNotice(await onSubscribe()));
  };

  return (
    <View className='prefs'>
      <Text className='page-subtitle'>站内消息总会送达；以下可选择是否同时通过短信、微信或企业微信提醒。</Text>
      {onSubscribe && (
        <View className='prefs__subscribe'>
          <Text className='prefs__hint'>微信每次订阅只能提醒一次，可多次订阅。</Text>
          <Button size='small' type='primary' role='button' data-testid='prefs-subscribe' onClick={() => void subscribe()}>
            订阅微信提醒
          </Button>
        </View>
      )}
      {notice && (
        <Text className='form-success' data-testid='prefs-notice'>
          {notice}
        </Text>
      )}
      {error && (
        <View className='form-error' role='alert' data-testid='prefs-error'>
          {error}
        </View>
      )}
      {kinds.map((k) => (
        <View key={k.kind} className='prefs__kind' role='group' aria-label={k.label} data-testid={`prefs-${k.kind}`}>
          <View className='prefs__kind-head'>
            <Text className='prefs__kind-label'>{k.label}</Text>
            {k.mandatory && (
              <Text className='prefs__locked' data-testid={`prefs-${k.kind}-locked`}>
                不可关闭
              </Text>
            )}
          </View>
          {k.channels.map((c) => (
            <View key={c.channel} className='prefs__row'>
              <View className='prefs__channel'>
                <Text>{CHANNEL_LABELS[c.channel]}</Text>
                {hint(c) && <Text className='prefs__hint'>{hint(c)}</Text>}
              </View>
              <ChannelSwitch
                checked={c.enabled}
                disabled={k.mandatory || (busy && saving === `${k.kind}|${c.channel}`)}
                label={`${k.label} · ${CHANNEL_LABELS[c.channel]}${k.mandatory ? '（不可关闭）' : ''}`}
                testId={`prefs-${k.kind}-${c.channel}`}
                onChange={(next) => void toggle(k.kind, c.channel, next)}
              />
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
