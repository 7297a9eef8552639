import { bindDataLayer } from '../../../lib/data';
import { NOTIFICATION_MESSAGES } from '../notifications.messages';

/** The notification center's data layer (docs/data-layer.md). */
export const db = bindDataLayer(NOTIFICATION_MESSAGES);
