// The knowledge-base subpackage's pages (src/packages/kb).
const ROOT = '/packages/kb';
export const KB_ROUTES = {
  home: `${ROOT}/index`,
  folder: (id: string) => `${ROOT}/folder/index?node=${encodeURIComponent(id)}`,
  page: (id: string) => `${ROOT}/page/index?node=${encodeURIComponent(id)}`,
  edit: (id: string) => `${ROOT}/edit/index?node=${encodeURIComponent(id)}`,
  versions: (id: string) => `${ROOT}/versions/index?node=${encodeURIComponent(id)}`,
  search: (q = '') => `${ROOT}/search/index${q ? `?q=${encodeURIComponent(q)}` : ''}`,
};
export const nodeRoute = (kind: string, id: string) => (kind === 'space' || kind === 'folder' ? KB_ROUTES.folder(id) : KB_ROUTES.page(id));
