// Public API of the local-dev feature. Import it only behind IS_LOCAL_STACK (see login page) so
// production bundles never contain it.
export { LocalSmsHint, type LocalSmsHintProps } from './components/local-sms-hint';
export { fetchLatestLocalSms, type LocalSms } from './services/local-sms.service';
