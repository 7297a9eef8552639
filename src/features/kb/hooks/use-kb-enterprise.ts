// The enterprise a knowledge-base page is about (`?id=` or the current one), with the signed-in
// session. A deep import of enterprise's hook (eslint.config.mjs names it): the enterprise index
// would bring its admin console into the kb subpackage.
export { useEnterprisePage as useKbEnterprise } from '../../enterprise/hooks/use-enterprise-page';
