// Public API of the community feature (社区): feed, post page, compose, report, moderation, records.
export * from './services/community.service';
export type * from './services/community.types';
export { COMMUNITY_MESSAGES } from './community.messages';
export { useCommunity, useShownAgain, CHANNEL } from './hooks/use-community';
export { FeedView } from './components/feed-view';
export { PostView } from './components/post-view';
export { PostScreen } from './components/post-screen';
export { CommentThread } from './components/comment-thread';
// ComposeForm and PostEditForm (the rich-text editor) are imported by the subpackage's pages
// directly (eslint.config.mjs, DEEP_IMPORT_EXCEPTIONS): the 社区 tab takes this index into the
// weapp main package, and the editor must not come with it.
export { ReportForm } from './components/report-form';
export { EscalationQueue, ModerationQueue } from './components/moderation-queue';
export { MyActions } from './components/my-actions';
export { excerpt, type Delta } from './lib/delta';
export { buildThread } from './lib/thread';
