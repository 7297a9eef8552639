import { ModuleTab } from '../../features/shell';
import { tabByKey } from '../../lib/tabs';
import { Screen } from './screen';

/** The 知识库 tab: thin (main package); the module's own home screen comes from its subpackage. */
export default function KbTabPage() {
  return <ModuleTab tab={tabByKey('kb')} screen={Screen} />;
}
