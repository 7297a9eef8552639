import Taro from '@tarojs/taro';
import { KB_ROUTES, KbRoutePage, kbService } from '../../../features/kb';
// deep import: the editor and markdown-it stay out of the main package (eslint.config.mjs)
import { PageEditor } from '../../../features/kb/components/page-editor';

export default function KbEditPage() {
  return (
    <KbRoutePage param='node' load={kbService.openPage} testId='kb-edit'>
      {(page) => (
        <PageEditor page={page} onSaved={(version) => {
          // the published version moves on a save; it stays where it was when the save waits for review
          const published = version > page.version_no;
          void Taro.showToast({ title: published ? '已保存' : '已提交审核，管理者通过后发布', icon: 'none' });
          // a new page came here from its folder: show it; an edited one goes back to its view
          if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
          else void Taro.redirectTo({ url: KB_ROUTES.page(page.id) });
        }} />
      )}
    </KbRoutePage>
  );
}
