import { useRequireSession } from '../../../features/auth';
import { BirthDateCorrections } from './corrections-list';

/** 出生日期更正审核 (platform operators), on its own page (phones; the desk console shows the same list). */
export default function BirthDateCorrectionsPage() {
  const session = useRequireSession();
  return <BirthDateCorrections className='page' enabled={session === 'signed-in'} />;
}
