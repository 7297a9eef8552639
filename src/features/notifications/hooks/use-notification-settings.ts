import { useCallback } from 'react';
import { useLoader } from '../../../lib/hooks/use-loader';
import { subscribeMessages } from '../../../platform/subscribe-message';
import { notificationSettings, recordSubscriptions, setPreference } from '../services/notifications.service';
import type { Channel, KindSetting } from '../services/notifications.types';

/** The member's channel choices, a toggle that updates them in place, and (weapp) subscribing. */
export function useNotificationSettings(enabled: boolean) {
  const loaded = useLoader(notificationSettings, 'settings', enabled);
  const { data, setData, reload } = loaded;

  const toggle = useCallback(async (kind: string, channel: Channel, on: boolean) => {
    const saved = await setPreference(kind, channel, on);
    const applied = (saved as { enabled?: boolean } | null)?.enabled ?? on;
    setData((data ?? []).map((k: KindSetting) => (k.kind !== kind ? k : {
      ...k, channels: k.channels.map((c) => (c.channel === channel ? { ...c, enabled: applied } : c)),
    })));
  }, [data, setData]);

  // WeChat asks at most 3 templates at a time, and only from a tap: the ones of enabled kinds first.
  const subscribe = useCallback(async (): Promise<string> => {
    const ids = [...new Set((data ?? []).flatMap((k) => k.channels
      .filter((c) => c.channel === 'wechat_subscribe' && c.enabled && c.template_id)
      .map((c) => c.template_id as string)))].slice(0, 3);
    if (!ids.length) return '没有可订阅的微信提醒';
    const accepted = await subscribeMessages.request(ids);
    if (!accepted.length) return '未订阅：可在需要时再次订阅';
    await recordSubscriptions(accepted);
    reload();
    return `已订阅 ${accepted.length} 项微信提醒`;
  }, [data, reload]);

  return { ...loaded, toggle, subscribe: subscribeMessages.supported ? subscribe : undefined };
}
