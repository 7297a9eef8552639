import { Text } from '@tarojs/components';
import './identity.css';
import { BottomSheet } from '../../../ui/bottom-sheet';
import { Button } from '../../../ui/button';

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
      <Button block size='large' type='primary' role='button' onClick={onBack} data-testid='exit-back'>
        返回阅读
      </Button>
      <Button
        className='exit-dialog__action'
        block
        size='large'
        loading={signingOut}
        disabled={signingOut}
        role='button'
        onClick={onSignOut}
        data-testid='exit-sign-out'
      >
        退出登录
      </Button>
      <Button className='exit-dialog__action' block size='large' type='danger' fill='outline' role='button' onClick={onCancelAccount} data-testid='exit-cancel-account'>
        注销账号
      </Button>
    </BottomSheet>
  );
}
