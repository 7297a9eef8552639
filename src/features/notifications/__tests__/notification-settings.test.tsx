import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { mapError } from '../../../lib/data';
import { NotificationSettings } from '../components/notification-settings';
import { NOTIFICATION_MESSAGES } from '../notifications.messages';
import type { Channel, KindSetting } from '../services/notifications.types';

const channels = (enabled: [boolean, boolean, boolean], reachable: [boolean, boolean, boolean] = [true, true, true]) =>
  (['sms', 'wechat_subscribe', 'wecom'] as Channel[]).map((channel, i) => ({
    channel, enabled: enabled[i], reachable: reachable[i], template_id: channel === 'wechat_subscribe' ? 'tpl' : null,
    grants: channel === 'wechat_subscribe' ? 2 : null,
  }));

const KINDS: KindSetting[] = [
  { kind: 'account_action', label: '账号处理', domain: 'identity', mandatory: true, channels: channels([true, true, true]) },
  { kind: 'enterprise_membership', label: '成员变动', domain: 'enterprise', mandatory: false, channels: channels([false, true, true], [true, true, false]) },
];

/** The page's contract: a toggle goes to the server; what it saved comes back as the new state. */
function Harness({ onServer }: { onServer: (kind: string, channel: Channel, enabled: boolean) => Promise<void> }) {
  const [kinds, setKinds] = useState(KINDS);
  return (
    <NotificationSettings
      kinds={kinds}
      onToggle={async (kind, channel, enabled) => {
        await onServer(kind, channel, enabled);
        setKinds((ks) => ks.map((k) => (k.kind !== kind ? k : { ...k, channels: k.channels.map((c) => (c.channel === channel ? { ...c, enabled } : c)) })));
      }}
    />
  );
}

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('通知设置', () => {
  it('mandatory kinds show 不可关闭 and their switches stay on', async () => {
    const server = jest.fn(async () => undefined);
    render(<Harness onServer={server} />);
    expect(screen.getByTestId('prefs-account_action-locked').textContent).toBe('不可关闭');
    const sms = screen.getByTestId('prefs-account_action-sms');
    expect(sms.getAttribute('aria-checked')).toBe('true');
    expect(sms.getAttribute('aria-disabled')).toBe('true');
    await click('prefs-account_action-sms');
    expect(server).not.toHaveBeenCalled();
    expect(screen.getByTestId('prefs-account_action-sms').getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByTestId('prefs-enterprise_membership-locked')).toBeNull();
  });

  it('a switch saves the choice for that kind and channel', async () => {
    const server = jest.fn(async () => undefined);
    render(<Harness onServer={server} />);
    await click('prefs-enterprise_membership-sms');
    expect(server).toHaveBeenCalledWith('enterprise_membership', 'sms', true);
    expect(screen.getByTestId('prefs-enterprise_membership-sms').getAttribute('aria-checked')).toBe('true');
    await click('prefs-enterprise_membership-wechat_subscribe');
    expect(server).toHaveBeenLastCalledWith('enterprise_membership', 'wechat_subscribe', false);
    expect(screen.getByTestId('prefs-enterprise_membership-wechat_subscribe').getAttribute('aria-checked')).toBe('false');
  });

  it('a refusal is shown and the switch keeps its state; unreachable channels say why', async () => {
    const server = jest.fn(async () => {
      throw mapError({ code: '22023', message: 'notification_kind_mandatory', details: '', hint: '该类通知不可关闭' }, NOTIFICATION_MESSAGES);
    });
    render(<Harness onServer={server} />);
    await click('prefs-enterprise_membership-sms');
    expect(screen.getByTestId('prefs-error').textContent).toBe('该类通知不可关闭');
    expect(screen.getByTestId('prefs-enterprise_membership-sms').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('使用企业微信登录后可用')).toBeTruthy();
    expect(screen.getAllByText('还可提醒 2 次').length).toBeGreaterThan(0);
  });
});
