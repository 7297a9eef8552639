const base = require('./integration.config.js');

module.exports = {
  ...base,
  displayName: 'weapp',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
};
