import { bindDataLayer } from '../../../lib/data';
import { ENTERPRISE_MESSAGES } from '../enterprise.messages';

/** The enterprise module's data layer (docs/data-layer.md): tenancy RPCs, reads and functions. */
export const db = bindDataLayer(ENTERPRISE_MESSAGES);
