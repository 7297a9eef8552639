// Public API of the knowledge-base feature (知识库, issue 14). Its screens live in the kb subpackage.
export { kbService, type KbService } from './services/kb.service';
export type * from './services/kb.types';
export { canEdit, ROLE_LABEL } from './services/kb.types';
export { KB_MESSAGES } from './kb.messages';
export { KB_ROUTES, nodeRoute } from './routes';
export { deltaToBlocks, deltaToMarkup, markupToDelta, safeUrl, type Delta, type Block } from './lib/delta';
export { splitHighlights } from './lib/highlight';
export { useLoader } from './hooks/use-kb-loader';
export { useKbEnterprise } from './hooks/use-kb-enterprise';
export { DeltaView } from './components/delta-view';
export { HighlightText } from './components/highlight-text';
export { KbSearchBox } from './components/kb-search-box';
export { NodeList } from './components/node-list';
export { PageEditor } from './components/page-editor';
export { PageView } from './components/page-view';
export { SearchResults } from './components/search-results';
export { VersionList } from './components/version-list';
