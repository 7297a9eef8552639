import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './identity.css';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { Button } from '../../../ui/button';
import { TextField } from '../../../ui/text-field';
import { firstIssue, phoneSchema } from '../../auth';
import { guardianLinkUrl } from '../services/guardian-link';
import { identityService, type IdentityService } from '../services/identity.service';
import { FormError } from '../../../ui/form-error';

export interface GuardianLinkShareProps {
  service?: Pick<IdentityService, 'createGuardianLink'>;
}

/**
 * "发送链接给监护人": for a guardian who is not beside the minor. The link (single use, 24 hours)
 * opens a page where the guardian reads what they approve and confirms with a code sent to the
 * phone given here. The child's name only labels the request for the guardian; it is not stored.
 */
export function GuardianLinkShare({ service = identityService }: GuardianLinkShareProps) {
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [childName, setChildName] = useState('');
  const [link, setLink] = useState<{ url: string; masked: string } | null>(null);
  const { busy, error, setError, run } = useAction();
  const [copied, setCopied] = useState(false);

  const create = async () => {
    const parsed = phoneSchema.safeParse(phone);
    if (!parsed.success) return setError(firstIssue(parsed.error));
    await run(async () => {
      const created = await service.createGuardianLink(parsed.data, childName.trim() || undefined);
      setLink({ url: guardianLinkUrl(created.token), masked: created.phone_masked });
    });
    return undefined;
  };

  const copy = async () => {
    if (!link) return;
    await Taro.setClipboardData({ data: link.url }).then(() => setCopied(true), () => setCopied(false));
  };

  if (!open) {
    return (
      <Text className='onboarding-page__leave' role='button' onClick={() => setOpen(true)} data-testid='guardian-link-open'>
        监护人不在身边？发送链接给监护人
      </Text>
    );
  }

  return (
    <View className='card onboarding-step' data-testid='guardian-link-share'>
      <Text className='onboarding-step__title'>发送链接给监护人</Text>
      <Text className='onboarding-step__why'>
        监护人在自己的手机上打开链接，阅读需要同意的内容，并用发到监护人手机的验证码确认。链接 24 小时内有效，只能使用一次，请只发给你的监护人。
      </Text>
      <TextField label='监护人手机号' ariaLabel='监护人手机号（链接）' prefix='+86' type='number' placeholder='监护人的手机号' maxLength={11} value={phone} onChange={setPhone} testId='guardian-link-phone' />
      <TextField
        label='你的姓名（选填，仅用于让监护人认出你，不会保存）'
        ariaLabel='你的姓名'
        placeholder='例如：王小明'
        maxLength={20}
        value={childName}
        onChange={setChildName}
        testId='guardian-link-child-name'
      />
      <FormError message={error} testId='guardian-link-error' />
      {link ? (
        <View data-testid='guardian-link-result'>
          <Text className='onboarding-step__why'>请把下面的链接发给监护人（验证码将发送至 {link.masked}）：</Text>
          <Text className='guardian-link__url' selectable data-testid='guardian-link-url'>
            {link.url}
          </Text>
          <Button block size='small' fill='outline' type='primary' role='button' onClick={() => void copy()} data-testid='guardian-link-copy'>
            {copied ? '已复制' : '复制链接'}
          </Button>
        </View>
      ) : (
        <Button type='primary' block loading={busy} disabled={busy} aria-disabled={busy} role='button' onClick={create} data-testid='guardian-link-create'>
          生成链接
        </Button>
      )}
    </View>
  );
}
