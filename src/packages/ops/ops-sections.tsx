import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { AuditLog, EnterpriseOps, OpsConsole, opsService, type OperatorAccess } from '../../features/ops';
import { ChoiceChips } from '../../ui/choice-chips';
import { QualificationReview } from './qualification-review';

type Section = 'console' | 'qualifications' | 'enterprises' | 'audit';

/**
 * The ops page's sections: the identity console (its own tabs and access check), the qualification
 * review, enterprise status and cancellation, and the audit log. The section switch shows only once
 * the database says "operator".
 */
export function OpsSections({ enabled }: { enabled: boolean }) {
  const [access, setAccess] = useState<OperatorAccess | null>(null);
  const [section, setSection] = useState<Section>('console');

  useEffect(() => {
    if (!enabled) return;
    opsService.readOperatorAccess().then(setAccess, () => setAccess(null));
  }, [enabled]);

  return (
    <View>
      {access === 'operator' && (
        <ChoiceChips
          label='运营板块'
          testId='ops-section'
          value={section}
          onChange={(v) => setSection(v as Section)}
          options={[
            { value: 'console', label: '账号与协议' },
            { value: 'qualifications', label: '企业资质审核' },
            { value: 'enterprises', label: '企业状态与注销' },
            { value: 'audit', label: '审计日志' },
          ]}
        />
      )}
      {section === 'console' || access !== 'operator' ? <OpsConsole enabled={enabled} /> : null}
      {access === 'operator' && section === 'qualifications' && <QualificationReview />}
      {access === 'operator' && section === 'enterprises' && <EnterpriseOps service={opsService} />}
      {access === 'operator' && section === 'audit' && <AuditLog service={opsService} />}
    </View>
  );
}
