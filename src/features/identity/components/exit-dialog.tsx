import { Text } from '@tarojs/components';
import './identity.css';
import { BottomSheet } from '../../../ui/bottom-sheet';
import { WideButton } from '../../../ui/wide-button';

export interface ExitDialogProps {
  visible: boolean;
  signingOut: boolean;
  onSignOut(): void;
  onCancelAccount(): void;
  onBack(): void;
}

/** Declining the terms must leave a clear way out (issue 3): sign out, or cancel the account. */
export function ExitDialog({ visible, signingOut, onSignOut, onCancelAccount, onBack }: ExitDialogProps) {
  if (!visible) return null;
  return (
    <BottomSheet title='不同意协议' testId='exit-dialog'>
      <Text className='bottom-sheet__text'>
        不同意这些协议将无法使用知享。你可以退出登录，以后再决定；也可以注销账号，我们将删除你的个人信息。
      </Text>
      <WideButton onClick={onBack} testId='exit-back'>
        返回阅读
      </WideButton>
      <WideButton
        className='exit-dialog__action'
        type='default'
        busy={signingOut}
        onClick={onSignOut}
        testId='exit-sign-out'
      >
        退出登录
      </WideButton>
      <WideButton className='exit-dialog__action' type='danger' fill='outline' onClick={onCancelAccount} testId='exit-cancel-account'>
        注销账号
      </WideButton>
    </BottomSheet>
  );
}
