import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../../ui/button';
import { inviteLink } from '../../services/invite-link';
import type { CreatedInvitation } from '../../services/enterprise.types';
import { InvitationCodeImage } from './invitation-code-image';
import { formatShanghai } from '../../../../lib/time';

/** A new invitation three ways: link, QR code (a mini-program code in the mini-program), short code. */
export function InvitationShare({ invitation }: { invitation: CreatedInvitation }) {
  const link = inviteLink(invitation.code);
  const copy = () => void Taro.setClipboardData({ data: link }).catch(() => undefined);
  return (
    <View className='ent-item' data-testid='invitation-share'>
      <Text className='ent-title'>邀请已创建</Text>
      <Text className='ent-muted'>有效期至 {formatShanghai(invitation.expires_at, '—')}。把链接、二维码或邀请码发给同事。</Text>
      <InvitationCodeImage code={invitation.code} />
      <Text className='ent-muted'>邀请码</Text>
      <Text className='ent-code' data-testid='invitation-code' selectable>
        {invitation.code}
      </Text>
      <Text className='ent-muted'>邀请链接</Text>
      <Text className='ent-link' data-testid='invitation-link' selectable>
        {link}
      </Text>
      <View className='ent-actions'>
        <Button size='small' fill='outline' role='button' data-testid='invitation-copy' onClick={copy}>
          复制链接
        </Button>
      </View>
    </View>
  );
}
