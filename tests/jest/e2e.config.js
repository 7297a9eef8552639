const base = require('./integration.config.js');

module.exports = {
  ...base,
  displayName: 'e2e',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
};
