import { useAction } from '../../../lib/hooks/use-action';
import { authService } from '../services/auth.service';
import { goToLogin } from './use-require-session';

export interface SignOut {
  signingOut: boolean;
  /** why the last sign-out failed ('' when it did not) */
  error: string;
  signOut(): Promise<void>;
}

/**
 * A 退出登录 button's state: signs out and lands on the sign-in page. The button stays busy until
 * the page is replaced; a failure is shown and the button comes back.
 */
export function useSignOut(): SignOut {
  const { busy, error, run } = useAction({ leaves: true });
  const signOut = async () => {
    await run(async () => {
      await authService.signOut();
      goToLogin();
    });
  };
  return { signingOut: busy, error, signOut };
}
