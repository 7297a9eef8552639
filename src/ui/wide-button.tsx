import { Button, type ButtonProps } from './button';

export type WideButtonProps = Omit<Partial<ButtonProps>, 'block' | 'size' | 'loading' | 'disabled'> & {
  /** shows the spinner; the button is disabled while busy unless `disabled` says otherwise */
  busy?: boolean;
  disabled?: boolean;
  testId: string;
};

/**
 * The full-width, large action button of a form, step or sheet (`type` primary unless given). The
 * disabled state is told to screen readers too (`aria-disabled`), which each form wired by hand and
 * some forgot.
 */
export function WideButton({ busy = false, disabled = busy, testId, type = 'primary', children, ...rest }: WideButtonProps) {
  return (
    <Button {...rest} type={type} block size='large' loading={busy} disabled={disabled} aria-disabled={disabled} role='button' data-testid={testId}>
      {children}
    </Button>
  );
}
