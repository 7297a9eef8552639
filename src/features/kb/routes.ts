// The knowledge-base subpackage's pages, from the app's route table (src/lib/routes.ts).
import { routeUrl } from '../../lib/routes';

export const KB_ROUTES = {
  home: routeUrl('kb'),
  folder: (id: string) => routeUrl('kbFolder', { node: id }),
  page: (id: string) => routeUrl('kbPage', { node: id }),
  edit: (id: string) => routeUrl('kbEdit', { node: id }),
  versions: (id: string) => routeUrl('kbVersions', { node: id }),
  access: (id: string) => routeUrl('kbAccess', { node: id }),
  search: (q = '') => (q ? routeUrl('kbSearch', { q }) : routeUrl('kbSearch')),
  reviews: routeUrl('kbReviews'),
  review: (id: string) => routeUrl('kbReview', { review: id }),
  storage: (enterpriseId: string) => routeUrl('kbStorage', { id: enterpriseId }),
};
export const nodeRoute = (kind: string, id: string) => (kind === 'space' || kind === 'folder' ? KB_ROUTES.folder(id) : KB_ROUTES.page(id));
