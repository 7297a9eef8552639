import { act, fireEvent, render, screen } from '@testing-library/react';
import { ConsentChoices } from '../components/consent-choices';
import type { AgreementDocument } from '../services/account-settings.types';

function doc(slug: string, required: boolean): AgreementDocument {
  return {
    document_id: `id-${slug}`,
    slug,
    kind: required ? 'service' : 'service_specific',
    title: `协议 ${slug}`,
    required,
    audience: 'everyone',
    version_id: `v-${slug}`,
    version: 1,
    version_title: `协议 ${slug}（第 1 版）`,
    body_md: '# 标题',
    key_clauses: [],
    effective_at: '2026-11-01T00:00:00Z',
    published_at: '2026-11-01T00:00:00Z',
  };
}

const docs = [doc('service', true), doc('privacy', true), doc('learning', false)];

describe('ConsentChoices', () => {
  it('offers 撤回同意 only for optional documents; required ones point to cancellation', async () => {
    const onWithdraw = jest.fn().mockResolvedValue(undefined);
    const onOpenCancel = jest.fn();
    render(
      <ConsentChoices docs={docs} activeDocIds={new Set(docs.map((d) => d.document_id))} onWithdraw={onWithdraw} onAccept={jest.fn()} onOpenCancel={onOpenCancel} />,
    );
    expect(screen.queryByTestId('consent-service-withdraw')).toBeNull();
    expect(screen.queryByTestId('consent-privacy-withdraw')).toBeNull();
    expect(screen.getAllByText('撤回同意')).toHaveLength(1);
    expect(screen.getByTestId('consent-service')).toHaveTextContent('不能单独撤回');

    await act(async () => {
      fireEvent.click(screen.getByTestId('consent-service-cancel-link'));
    });
    expect(onOpenCancel).toHaveBeenCalled();

    // Withdrawing asks first, then calls with the optional document.
    await act(async () => {
      fireEvent.click(screen.getByTestId('consent-learning-withdraw'));
    });
    expect(onWithdraw).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByTestId('consent-learning-withdraw-confirm'));
    });
    expect(onWithdraw).toHaveBeenCalledWith(docs[2]);
  });

  it('offers to agree again, not to withdraw, when the optional consent is not active', () => {
    render(<ConsentChoices docs={docs} activeDocIds={new Set(['id-service', 'id-privacy'])} onWithdraw={jest.fn()} onAccept={jest.fn()} onOpenCancel={jest.fn()} />);
    expect(screen.queryByText('撤回同意')).toBeNull();
    expect(screen.getByTestId('consent-learning-accept')).toBeInTheDocument();
    expect(screen.getByTestId('consent-learning-state')).toHaveTextContent('未同意');
  });
});
