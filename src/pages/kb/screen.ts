import { lazy } from 'react';

// H5: the module's home screen is the subpackage page's own chunk, fetched when the tab first opens.
export const Screen = lazy(() => import('../../packages/kb/index'));
