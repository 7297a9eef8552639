import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { GuardianLinkForm } from '../components/guardian-link-form';
import { GuardianLinkShare } from '../components/guardian-link-share';
import type { CurrentAgreement, GuardianLinkView } from '../services/identity.types';

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const flush = () => act(async () => undefined);

const VIEW: GuardianLinkView = {
  child_label: '王*明',
  age_band: 'under_14',
  children_statement_needed: true,
  guardian_phone_masked: '139****9000',
  expires_at: '2026-12-07T00:00:00Z',
};
const STATEMENT = {
  document_id: 'd3', slug: 'children-privacy', kind: 'children_privacy', title: '儿童个人信息保护规则', required: true,
  audience: 'under_14', needs_guardian: true, version_id: 'v3', version: 1, version_title: '儿童个人信息保护规则（第 1 版）',
  effective_at: '2026-11-01T00:00:00Z', body_md: '# 儿童个人信息保护规则\n\n监护人须知', key_clauses: [], published_at: '2026-11-01T00:00:00Z',
} as unknown as CurrentAgreement;

function linkService(overrides: Record<string, jest.Mock> = {}) {
  return {
    viewGuardianLink: jest.fn().mockResolvedValue(VIEW),
    getCurrentAgreements: jest.fn().mockResolvedValue([STATEMENT]),
    sendGuardianLinkCode: jest.fn().mockResolvedValue({ sent: true, phone_masked: '139****9000', expires_in: 300, resend_after: 60 }),
    confirmGuardianLink: jest.fn().mockResolvedValue({ confirmed: true }),
    ...overrides,
  };
}

describe('GuardianLinkForm (the guardian, on their own phone)', () => {
  it('shows the child masked and the children’s statement; confirms only after the statement is accepted', async () => {
    const service = linkService();
    render(<GuardianLinkForm token='tok-123' service={service} />);
    await flush();
    expect(screen.getByTestId('guardian-link-summary').textContent).toContain('王*明');
    expect(screen.getByTestId('guardian-link-summary').textContent).toContain('139****9000');
    expect(screen.getByTestId('children-statement').textContent).toContain('监护人须知');

    type('guardian-link-name', '王建国');
    await click('guardian-relationship-father');
    await click('guardian-link-send-code');
    expect(service.sendGuardianLinkCode).toHaveBeenCalledWith('tok-123');
    type('guardian-link-code', '123456');
    expect(screen.getByTestId('guardian-link-confirm')).toHaveAttribute('aria-disabled', 'true');
    await click('guardian-link-accept-statement');
    expect(screen.getByTestId('guardian-link-confirm')).toHaveAttribute('aria-disabled', 'false');
    await click('guardian-link-confirm');
    expect(service.confirmGuardianLink).toHaveBeenCalledWith({
      token: 'tok-123', code: '123456', guardian_name: '王建国', relationship: 'father', accept_children_statement: true,
    });
    expect(screen.getByTestId('guardian-link-done').textContent).toContain('确认成功');
  });

  it('a used or unknown link says so instead of showing the form', async () => {
    const service = linkService({ viewGuardianLink: jest.fn().mockRejectedValue(new AppError('link_used', '该链接已使用过')) });
    render(<GuardianLinkForm token='tok-used' service={service} />);
    await flush();
    expect(screen.getByTestId('guardian-link-invalid').textContent).toContain('该链接已使用过');
    expect(screen.queryByTestId('guardian-link-form')).toBeNull();
  });
});

describe('GuardianLinkShare (the minor)', () => {
  it('creates a link to the guardian page carrying the token', async () => {
    const createGuardianLink = jest.fn().mockResolvedValue({ token: 'AbCdEfGhIjKlMnOpQrStUv-_', expires_at: '2026-12-07T00:00:00Z', phone_masked: '139****9000' });
    render(<GuardianLinkShare service={{ createGuardianLink }} />);
    await click('guardian-link-open');
    type('guardian-link-phone', '13900139000');
    await click('guardian-link-create');
    expect(createGuardianLink).toHaveBeenCalledWith('+8613900139000', undefined);
    expect(screen.getByTestId('guardian-link-url').textContent).toMatch(/#\/packages\/onboarding\/guardian-link\/index\?t=AbCdEfGhIjKlMnOpQrStUv-_$/);
  });
});
