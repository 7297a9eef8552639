import { Button, type ButtonProps } from './button';

export type BusyButtonProps = Omit<Partial<ButtonProps>, 'loading' | 'disabled'> & {
  /** shows the spinner; the button is disabled while busy unless `disabled` says otherwise */
  busy?: boolean;
  disabled?: boolean;
  testId: string;
};

/**
 * A button that calls the server: the spinner while `busy`, and the disabled state told to screen
 * readers too (`aria-disabled`), which each form wired by hand and some forgot.
 */
export function BusyButton({ busy = false, disabled = busy, testId, children, ...rest }: BusyButtonProps) {
  return (
    <Button {...rest} loading={busy} disabled={disabled} aria-disabled={disabled} role='button' data-testid={testId}>
      {children}
    </Button>
  );
}

export type WideButtonProps = Omit<BusyButtonProps, 'block' | 'size'>;

/** The full-width, large action button of a form, step or sheet (`type` primary unless given). */
export function WideButton({ type = 'primary', ...rest }: WideButtonProps) {
  return <BusyButton {...rest} type={type} block size='large' />;
}
