export interface ToggleState {
  checked: boolean;
  disabled: boolean;
  /** the screen reader name */
  label: string;
  testId?: string;
  onChange(next: boolean): void;
}

/**
 * The attributes of a tappable on/off element drawn by hand (a consent tick box, a channel switch):
 * its role, state and test id on the element people tap, on every platform, and no change while
 * disabled.
 */
export function toggleProps(role: 'checkbox' | 'switch', { checked, disabled, label, testId, onChange }: ToggleState) {
  return {
    role,
    'aria-checked': checked,
    'aria-disabled': disabled,
    'aria-label': label,
    'data-testid': testId,
    'data-checked': checked ? 'true' : 'false',
    onClick: () => {
      if (!disabled) onChange(!checked);
    },
  };
}
