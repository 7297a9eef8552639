const path = require('node:path');

module.exports = {
  displayName: 'integration',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/tests/contract/**/*.test.ts',
    '<rootDir>/tests/integration/**/*.test.ts',
    '<rootDir>/tools/**/__tests__/**/*.test.ts',
  ],
  transform: {
    '\\.[cm]?[jt]s$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/'],
  setupFilesAfterEnv: ['<rootDir>/tests/jest/slow-timeout.js'],
};
