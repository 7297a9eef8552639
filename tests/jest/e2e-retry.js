// The browser suites drive Taro's H5 router through page reloads and redirects. Under heavy CPU load
// (CI's 2 cores running the stack, Chromium and jest) a page can, rarely, stay hidden after a
// reLaunch that raced the page being replaced — a timing fault of the runtime we have not yet pinned
// down (see the issue notes). One retry keeps such a fault from failing the run; the failure of the
// first attempt is printed, so it stays visible, and a real regression fails both attempts.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
