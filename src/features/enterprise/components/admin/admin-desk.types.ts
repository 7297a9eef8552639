import type { ReactNode } from 'react';
import type { MyEnterprise } from '../../services/enterprise.types';

export interface AdminDeskProps {
  enterprise: MyEnterprise;
  selfId: string;
  /** the phone layout's sections the enterprise offers (a closed enterprise: cancellation only) */
  tabs: readonly { value: string; label: string }[];
  tab: string;
  onTab(tab: string): void;
  /** the edition's features (manager roles, module entries) */
  features: readonly string[];
  refreshKey: number;
  /** the enterprise card with its status notice */
  header: ReactNode;
  /** the section's panel, for sections the desk shows as on phones */
  panel: ReactNode;
}
