// H5: the tab icons are bundled (each under 1 KB, inlined as data URLs).
import communityActive from '../../../assets/tabbar/community-active.png';
import community from '../../../assets/tabbar/community.png';
import homeActive from '../../../assets/tabbar/home-active.png';
import home from '../../../assets/tabbar/home.png';
import kbActive from '../../../assets/tabbar/kb-active.png';
import kb from '../../../assets/tabbar/kb.png';
import learnActive from '../../../assets/tabbar/learn-active.png';
import learn from '../../../assets/tabbar/learn.png';
import mineActive from '../../../assets/tabbar/mine-active.png';
import mine from '../../../assets/tabbar/mine.png';

const ICONS: Record<string, readonly [string, string]> = {
  home: [home, homeActive],
  kb: [kb, kbActive],
  learn: [learn, learnActive],
  community: [community, communityActive],
  mine: [mine, mineActive],
};

export const tabIcon = (icon: string, active: boolean): string => ICONS[icon]?.[active ? 1 : 0] ?? '';
