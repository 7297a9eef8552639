// Jest reads testTimeout only from the root config; projects that drive a live stack or a browser
// set theirs here (a generous ceiling for slow CI machines, not a performance assertion).
jest.setTimeout(Number(process.env.ZX_TEST_TIMEOUT_MS ?? 90000));
