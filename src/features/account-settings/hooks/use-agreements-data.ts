import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { accountSettingsService, type AccountSettingsService } from '../services/account-settings.service';
import type { AgreementDocument, ConsentHistoryItem, ConsentStatus } from '../services/account-settings.types';

export interface AgreementsData {
  agreements: AgreementDocument[];
  status: ConsentStatus;
  history: ConsentHistoryItem[];
}

/** Current documents, the user's gate status and consent history, loaded together. */
export function useAgreementsData(enabled: boolean, service: Pick<AccountSettingsService, 'getCurrentAgreements' | 'getConsentStatus' | 'getConsentHistory'> = accountSettingsService) {
  const [data, setData] = useState<AgreementsData | null>(null);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    setError('');
    Promise.all([service.getCurrentAgreements(), service.getConsentStatus(), service.getConsentHistory()])
      .then(([agreements, status, history]) => {
        if (!cancelled) setData({ agreements, status, history });
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(messageOf(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [enabled, attempt, service]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, reload };
}

/** Documents that apply to the user's age band (the children's statement only under 14, …). */
export function applicableDocs(docs: AgreementDocument[], band: ConsentStatus['age_band']): AgreementDocument[] {
  return docs.filter(
    (d) => d.audience === 'everyone' || (d.audience === 'under_18' && (band === 'under_18' || band === 'under_14')) || (d.audience === 'under_14' && band === 'under_14'),
  );
}

export function activeDocIds(history: ConsentHistoryItem[]): Set<string> {
  return new Set(history.filter((h) => !h.withdrawn_at).map((h) => h.document_id));
}
