// Babel for jest only: TypeScript + JSX to CommonJS for Node. The app build uses babel-preset-taro
// (../../babel.config.js), which targets bundlers, not jest.
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    ['@babel/preset-typescript', { allowDeclareFields: true }],
  ],
};
