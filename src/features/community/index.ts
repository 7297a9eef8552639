// Public API of the community feature (社区): feed, post page, compose, report, moderation, records.
export * from './services/community.service';
export type * from './services/community.types';
export { COMMUNITY_MESSAGES } from './community.messages';
export { useCommunity, CHANNEL } from './hooks/use-community';
export { FeedView } from './components/feed-view';
export { PostView } from './components/post-view';
export { PostScreen } from './components/post-screen';
export { CommentThread } from './components/comment-thread';
export { ComposeForm } from './components/compose-form';
export { ReportForm } from './components/report-form';
export { EscalationQueue, ModerationQueue } from './components/moderation-queue';
export { MyActions } from './components/my-actions';
export { plainToDelta, deltaToBlocks, deltaToPlain, excerpt, type Delta } from './lib/delta';
export { buildThread } from './lib/thread';
