// Public API of the knowledge-base feature (知识库, issue 14). Its screens live in the kb subpackage.
// The KB home is built into the weapp main package and takes this index: screens only subpackage
// pages show (page view, versions, access, templates) are imported by those pages directly.
export { kbService, type KbService } from './services/kb.service';
export { kbFilesService, type KbFilesService } from './services/kb-files.service';
export type * from './services/kb.types';
export { canEdit, ROLE_LABEL } from './services/kb.types';
export { KB_MESSAGES } from './kb.messages';
export { KB_ROUTES, nodeRoute } from './routes';
export { splitHighlights } from './lib/highlight';
export { useLoader } from './hooks/use-kb-loader';
export { useKbEnterprise } from './hooks/use-kb-enterprise';
export { CreateSpaceForm } from './components/create-space-form';
export { HighlightText } from './components/highlight-text';
export { KbRoutePage } from './components/kb-route-page';
export { KbSearchBox } from './components/kb-search-box';
export { NodeList } from './components/node-list';
export { SearchResults } from './components/search-results';
export { StalePages } from './components/stale-pages';
