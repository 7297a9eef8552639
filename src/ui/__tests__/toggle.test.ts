import { toggleProps } from '../toggle';

describe('toggleProps', () => {
  it('reports the state to screen readers and flips it on tap', () => {
    const onChange = jest.fn();
    const props = toggleProps('switch', { checked: true, disabled: false, label: '短信', testId: 't', onChange });
    expect(props).toMatchObject({ role: 'switch', 'aria-checked': true, 'aria-disabled': false, 'aria-label': '短信', 'data-testid': 't', 'data-checked': 'true' });
    props.onClick();
    expect(onChange).toHaveBeenCalledWith(false);
  });

  it('ignores taps while disabled', () => {
    const onChange = jest.fn();
    toggleProps('checkbox', { checked: false, disabled: true, label: '同意', onChange }).onClick();
    expect(onChange).not.toHaveBeenCalled();
  });
});
