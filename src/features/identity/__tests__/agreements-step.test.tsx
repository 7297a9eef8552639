import { act, fireEvent, render, screen } from '@testing-library/react';
import { AgreementsStep, type AgreementsStepProps } from '../components/agreements-step';
import type { ConsentStatus, CurrentAgreement, MissingAgreement } from '../services/identity.types';

function missing(slug: string, overrides: Partial<MissingAgreement> = {}): MissingAgreement {
  return {
    document_id: `doc-${slug}`,
    slug,
    kind: 'service',
    title: `《${slug}》标题`,
    required: true,
    audience: 'everyone',
    needs_guardian: false,
    version_id: `ver-${slug}`,
    version: 1,
    version_title: `${slug} 第 1 版`,
    effective_at: '2026-11-01T00:00:00Z',
    previously_consented_version: null,
    ...overrides,
  };
}

const body = (item: MissingAgreement): CurrentAgreement => ({
  ...item,
  body_md: `# ${item.title}\n\n**重点条款 ${item.slug}**`,
  key_clauses: [{ id: 'k', title: '免除或者限制责任' }],
  published_at: item.effective_at,
});

const MISSING = [
  missing('service'),
  missing('privacy', { kind: 'privacy' }),
  missing('learning-recommendations', { required: false, kind: 'service_specific' }),
  missing('children-privacy', { kind: 'children_privacy', audience: 'under_14', needs_guardian: true }),
];

function setup(overrides: Partial<AgreementsStepProps> = {}) {
  const acceptAgreements = jest.fn().mockResolvedValue({ cleared: true } as ConsentStatus);
  const onDone = jest.fn();
  render(
    <AgreementsStep missing={MISSING} agreements={MISSING.map(body)} onDone={onDone} onDecline={jest.fn()} service={{ acceptAgreements }} {...overrides} />,
  );
  return { acceptAgreements, onDone };
}

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const acceptButton = () => screen.getByTestId('agreements-accept');

describe('AgreementsStep', () => {
  it('starts with every box unticked and 同意并继续 disabled', () => {
    setup();
    for (const slug of ['service', 'privacy', 'learning-recommendations']) {
      expect(screen.getByTestId(`agreement-check-${slug}`)).toHaveAttribute('aria-checked', 'false');
    }
    expect(acceptButton()).toHaveAttribute('aria-disabled', 'true');
  });

  it('does not offer the guardian-consented children’s statement to the user', () => {
    setup();
    expect(screen.queryByTestId('agreement-check-children-privacy')).toBeNull();
  });

  it('stays disabled until every required box is ticked, and sends nothing before', async () => {
    const { acceptAgreements } = setup();
    await click('agreement-check-service');
    expect(acceptButton()).toHaveAttribute('aria-disabled', 'true');
    await click('agreements-accept');
    expect(acceptAgreements).not.toHaveBeenCalled();
    await click('agreement-check-privacy');
    expect(acceptButton()).toHaveAttribute('aria-disabled', 'false');
  });

  it('sends exactly the version ids shown and ticked (the optional one only when ticked)', async () => {
    const { acceptAgreements, onDone } = setup();
    await click('agreement-check-service');
    await click('agreement-check-privacy');
    await click('agreements-accept');
    expect(acceptAgreements).toHaveBeenCalledWith(['ver-service', 'ver-privacy']);
    expect(onDone).toHaveBeenCalledWith({ cleared: true });
  });

  it('includes the optional document when the user ticked it', async () => {
    const { acceptAgreements } = setup();
    await click('agreement-check-learning-recommendations');
    await click('agreement-check-service');
    await click('agreement-check-privacy');
    await click('agreements-accept');
    expect(acceptAgreements).toHaveBeenCalledWith(['ver-service', 'ver-privacy', 'ver-learning-recommendations']);
  });

  it('unticking a box disables the button again', async () => {
    setup();
    await click('agreement-check-service');
    await click('agreement-check-privacy');
    await click('agreement-check-privacy');
    expect(acceptButton()).toHaveAttribute('aria-disabled', 'true');
  });

  it('says 协议已更新 for a new version of something already agreed to', () => {
    setup({ missing: [missing('privacy', { version: 2, previously_consented_version: 1 })] });
    expect(screen.getByTestId('agreements-updated')).toBeInTheDocument();
    expect(screen.getByText('协议已更新')).toBeInTheDocument();
  });

  it('shows the server’s refusal and keeps the user on the step', async () => {
    const { AppError } = jest.requireActual('../../../lib/errors/app-error');
    const acceptAgreements = jest.fn().mockRejectedValue(new AppError('agreement_version_not_current', '协议已更新或不存在，请刷新后重新阅读并同意'));
    const onDone = jest.fn();
    render(<AgreementsStep missing={MISSING} agreements={[]} onDone={onDone} onDecline={jest.fn()} service={{ acceptAgreements }} />);
    await click('agreement-check-service');
    await click('agreement-check-privacy');
    await click('agreements-accept');
    expect(screen.getByTestId('agreements-error')).toHaveTextContent('协议已更新或不存在');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('offers a way out when the user declines', async () => {
    const onDecline = jest.fn();
    render(<AgreementsStep missing={MISSING} agreements={[]} onDone={jest.fn()} onDecline={onDecline} service={{ acceptAgreements: jest.fn() }} />);
    await click('agreements-decline');
    expect(onDecline).toHaveBeenCalled();
  });
});
