import { Image, Text, View } from '@tarojs/components';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { invitationWxacode } from '../../services/invitation-wxacode.service';
import { LoadState } from '../../../../ui/load-state';

/**
 * Mini-program: the invitation's WeChat mini-program code, made on the server (it needs the app
 * secret). Scanning it with WeChat opens the invitation page with the code as `scene`.
 */
export function InvitationCodeImage({ code }: { code: string }) {
  const image = useLoader(() => invitationWxacode(code), code);
  if (!image.data) return <LoadState loading={image.loading} error={image.error} onRetry={image.reload} testId='invitation-wxacode' />;
  return (
    <View>
      <Image className='ent-qr' src={image.data} mode='aspectFit' aria-label={`小程序码，邀请码 ${code}`} data-testid='invitation-wxacode' />
      <Text className='ent-muted'>用微信扫一扫，直接打开邀请</Text>
    </View>
  );
}
