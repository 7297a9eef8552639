import { ModuleTab } from '../../features/shell';
import { tabByKey } from '../../lib/tabs';
import { Screen } from './screen';

/** The 社区 tab: thin (main package); the module's own home screen comes from its subpackage. */
export default function CommunityTabPage() {
  return <ModuleTab tab={tabByKey('community')} screen={Screen} />;
}
