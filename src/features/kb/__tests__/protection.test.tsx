import { act, fireEvent, render, screen } from '@testing-library/react';
import { SpaceProtection } from '../components/space-protection';
import { Watermark } from '../components/watermark';
import { AppError } from '../../../lib/errors/app-error';

describe('watermark', () => {
  it('repeats the viewer’s mark with the Shanghai time the page was opened, and lets taps through', () => {
    render(<Watermark mark='直授成员 1234' now={() => '2026-12-06T23:05:00Z'} />);
    const overlay = screen.getByTestId('kb-watermark');
    expect(overlay.getAttribute('aria-hidden')).not.toBeNull();
    expect(overlay.textContent).toContain('直授成员 1234 2026-12-07 07:05');
    expect(overlay.className).toContain('kb-watermark');
  });

  it('a manager switches it per space; a refusal is shown and the switch stays where it was', async () => {
    const setWatermark = jest.fn(async () => undefined);
    const { unmount } = render(<SpaceProtection spaceId='s1' watermark={false} service={{ setWatermark, setCopyProtect: jest.fn() }} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-watermark-switch-on'));
    });
    expect(setWatermark).toHaveBeenCalledWith('s1', true);
    expect(screen.getByTestId('kb-watermark-switch-on').getAttribute('aria-checked')).toBe('true');
    unmount();
    const refuse = jest.fn(async () => {
      throw new AppError('kb_forbidden', '你没有管理权限', { status: 403 });
    });
    render(<SpaceProtection spaceId='s1' watermark={false} service={{ setWatermark: refuse, setCopyProtect: jest.fn() }} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-watermark-switch-on'));
    });
    expect(screen.getByRole('alert').textContent).toBe('你没有管理权限');
    expect(screen.getByTestId('kb-watermark-switch-off').getAttribute('aria-checked')).toBe('true');
  });

  it('a manager turns copy restriction on per space, next to the watermark', async () => {
    const setCopyProtect = jest.fn(async () => undefined);
    render(<SpaceProtection spaceId='s1' watermark copyProtect={false} service={{ setWatermark: jest.fn(), setCopyProtect }} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-copy-protect-switch-on'));
    });
    expect(setCopyProtect).toHaveBeenCalledWith('s1', true);
    expect(screen.getByTestId('kb-copy-protect-switch-on').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('kb-watermark-switch-on').getAttribute('aria-checked')).toBe('true');
  });
});
