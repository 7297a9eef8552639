// DOM matchers (toHaveTextContent, toHaveAttribute…) registered by tests/jest/setup-dom.js.
import '@testing-library/jest-dom';
