import type { OpsDeskProps } from './ops-desk.types';

/** Mini-programs have no desk width (`useWideScreen` is false there): nothing of the desk is bundled. */
export function OpsDesk(_props: OpsDeskProps): null {
  return null;
}
