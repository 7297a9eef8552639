// Projects: `unit` (jsdom: the Taro app's components and logic), `integration` (node, against a
// live local stack), `e2e` (the H5 build in Debian Chromium), `weapp` (the compiled mini-program in
// miniprogram-simulate). scripts/test.mjs starts the stack and runs them in that order.
const fs = require('node:fs');
const path = require('node:path');

const unit = ['jest.unit.config.js', 'tests/jest/unit.config.js'].find((f) => fs.existsSync(path.join(__dirname, f)));

module.exports = {
  projects: [
    unit && `<rootDir>/${unit}`,
    '<rootDir>/tests/jest/integration.config.js',
    '<rootDir>/tests/jest/e2e.config.js',
    '<rootDir>/tests/jest/weapp.config.js',
  ].filter(Boolean),
};
