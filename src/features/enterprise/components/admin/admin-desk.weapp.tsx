import type { AdminDeskProps } from './admin-desk.types';

/** Mini-programs have no desk width (`useWideScreen` is false there): nothing of the desk is bundled. */
export function AdminDesk(_props: AdminDeskProps): null {
  return null;
}
