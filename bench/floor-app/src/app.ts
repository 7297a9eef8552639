import type { PropsWithChildren } from 'react';

// Bare app: no store, no UI kit, no features.
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
