import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';
import { useSignOut } from '../hooks/use-sign-out';

export interface SignOutButtonProps {
  className: string;
  testId: string;
}

/** 退出登录 with its error line (the 我的 tab and 我的资料): signs out and lands on the sign-in page. */
export function SignOutButton({ className, testId }: SignOutButtonProps) {
  const { signingOut, error, signOut } = useSignOut();
  return (
    <>
      <FormError message={error} />
      <WideButton className={className} type='danger' fill='outline' busy={signingOut} testId={testId} onClick={signOut}>
        退出登录
      </WideButton>
    </>
  );
}
