// Public API of the account-settings feature: 协议与隐私, 注销账号, 账号被盗申诉.
export { AgreementsSettings } from './components/agreements-settings';
export { AgreementCard } from './components/agreement-card';
export { CancelAccountForm, type CancelAccountFormProps } from './components/cancel-account-form';
export { ConsentChoices } from './components/consent-choices';
export { ConsentHistory } from './components/consent-history';
export { ReportStolenForm } from './components/report-stolen-form';
export { ChangePasswordForm, type ChangePasswordFormProps } from './components/change-password-form';
export { passwordService, type PasswordService } from './services/password.service';
export { AckCheckbox } from './components/ack-checkbox';
export { accountSettingsService, type AccountSettingsService } from './services/account-settings.service';
export type * from './services/account-settings.types';
export { BirthDateSettings, type BirthDateSettingsProps } from './components/birth-date-settings';
