// jest project `unit`: component and unit tests of the Taro app under jsdom (included by
// jest.config.js). Mappings follow ARCHITECTURE.md's recipe for Taro 4 + NutUI under jest 30.
const path = require('node:path');

const ESM_PACKAGES = ['@tarojs', '@stencil', '@nutui', '@swc/helpers', 'swiper', 'ssr-window', 'dom7', 'tslib', '\\.pnpm',
  // ESM-only dependencies of @tarojs/router and @tarojs/taro-h5
  'query-string', 'decode-uri-component', 'filter-obj', 'split-on-first', 'nanoid', 'style-inject',
  // Quill 2 (the H5 rich-text editor) and its ESM-only model
  'quill', 'parchment'];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'unit',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/tests/jest/setup-env.js'],
  setupFilesAfterEnv: ['<rootDir>/tests/jest/setup-dom.js'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': ['babel-jest', { configFile: path.join(__dirname, 'tests/jest/babel.config.js') }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    // Taro's H5 API imports lodash-es (ESM); lodash is the same code as CommonJS.
    '^lodash-es$': 'lodash',
    '^lodash-es/(.*)$': 'lodash/$1',
    // The H5 implementation of Taro's API (storage, request, toast) runs in jsdom.
    '^@tarojs/taro$': '<rootDir>/tests/jest/taro.js',
    // The H5 build uses h5.useHtmlComponents (plain React HTML components); test the same ones.
    '^@tarojs/components$': '<rootDir>/tests/jest/taro-components.js',
    '^@nutui/nutui-react-taro$': '@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
    '\\.(css|scss|sass|less)$': '<rootDir>/tests/jest/style-stub.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/tests/jest/style-stub.js',
    '^(lottie-react|@nutui/lottie-miniprogram)$': '<rootDir>/tests/jest/style-stub.js',
  },
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
};
