// Mini-programs: Taro 4 (React) cannot render a subpackage's component in a main-package page
// (no 分包异步化), so the module's home screen is built into the main package (docs/architecture.md).
export { default as Screen } from '../../packages/kb/index';
