import { ModuleTab } from '../../features/shell';
import { tabByKey } from '../../lib/tabs';
import { Screen } from './screen';

/** The 学习 tab: thin (main package); the module's own home screen comes from its subpackage. */
export default function LearnTabPage() {
  return <ModuleTab tab={tabByKey('learn')} screen={Screen} />;
}
