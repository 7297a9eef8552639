// The knowledge base's governance screens (approval, owners and review dates, storage): a second
// entry of the feature for the kb subpackage's pages only. The kb index is built into the weapp main
// package (the 知识库 tab's home screen takes it), so what only subpackage pages show stays out of it.
export { kbGovernanceService, type KbGovernanceService } from './services/kb-governance.service';
export { GovernancePanel } from './components/governance-panel';
export { ReviewList } from './components/review-list';
export { ReviewDecision } from './components/review-decision';
export { StorageUsage } from './components/storage-usage';
