require('@testing-library/jest-dom');

// NutUI hands mini-program-only props (placeholderClass) to Taro's HTML <input>; React warns about
// them on every render. That is third-party noise, not a finding about our code: drop just it.
const originalError = console.error;
console.error = (...args) => {
  if (typeof args[0] === 'string' && args[0].includes('React does not recognize the `%s` prop') && args[1] === 'placeholderClass') return;
  if (typeof args[0] === 'string' && args[0].includes('`placeholderClass` prop')) return;
  originalError(...args);
};
