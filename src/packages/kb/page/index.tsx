import { KbRoutePage, kbService } from '../../../features/kb';
import { PageView } from '../../../features/kb/components/page-view';
import { GovernancePanel } from '../../../features/kb/governance';

export default function KbPagePage() {
  // back from the editor or the history: show the saved version
  return (
    <KbRoutePage param='node' load={kbService.openPage} testId='kb-page' reloadOnShow>
      {(page, loaded) => (
        <PageView page={page} onChanged={loaded.reload}>
          {page.kind === 'page' || page.kind === 'file' ? <GovernancePanel nodeId={page.id} refresh={page} /> : null}
        </PageView>
      )}
    </KbRoutePage>
  );
}
