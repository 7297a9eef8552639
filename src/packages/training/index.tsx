import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
// Deep import named in eslint.config.mjs: enterprise's index would bring its admin screens here.
import { useEnterprisePage } from '../../features/enterprise/hooks/use-enterprise-page';
import { AssignmentList, isTrainingManager, leaderboard, myAssignments, myPaths } from '../../features/training';
import { useLoader } from '../../lib/hooks/use-loader';
import { routeUrl } from '../../lib/routes';
import { LinkCell } from '../../ui/link-cell';
import { LoadState, PageWithoutEnterprise } from '../../ui/load-state';

/** 学习: my assignments with their deadlines, learning paths, my points this month, certificates and the leaderboard. */
export default function TrainingHomePage() {
  const page = useEnterprisePage();
  const ent = page.enterprise?.id ?? '';
  const tasks = useLoader(() => myAssignments(ent), ent, Boolean(ent));
  const board = useLoader(() => leaderboard(ent), ent, Boolean(ent));
  const paths = useLoader(() => myPaths(ent), ent, Boolean(ent));
  if (!page.enterprise) return <PageWithoutEnterprise page={page} testId='training-page' />;
  return (
    <View className='page' data-testid='training-page'>
      <Text className='page-subtitle'>{page.enterprise.name} · 学习</Text>
      <Text className='page-subtitle'>我的学习任务</Text>
      <LoadState loading={tasks.loading} error={tasks.error} onRetry={tasks.reload} testId='training-tasks' />
      {tasks.data && <AssignmentList assignments={tasks.data} onOpen={(id) => void Taro.navigateTo({ url: routeUrl('trainingCourse', { id }) })} />}
      {(paths.data?.length ?? 0) > 0 && <Text className='page-subtitle'>学习路径</Text>}
      {paths.data?.map((p) => (
        <LinkCell key={p.id} data-testid={`training-path-${p.id}`} title={p.title} description={`${p.courses} 门课程，按顺序学习${p.summary ? ` · ${p.summary}` : ''}`}
          onClick={() => void Taro.navigateTo({ url: routeUrl('trainingPath', { id: p.id }) })} />
      ))}
      <LinkCell
        data-testid='training-leaderboard-link'
        title='积分排行'
        description={board.data ? (board.data.me ? `本月第 ${board.data.me.rank} 名 · 累计 ${board.data.my_total} 分` : `累计 ${board.data.my_total} 分`) : ''}
        onClick={() => void Taro.navigateTo({ url: routeUrl('trainingLeaderboard') })}
      />
      <LinkCell data-testid='training-certificates-link' title='我的证书' onClick={() => void Taro.navigateTo({ url: routeUrl('trainingCertificates') })} />
      {isTrainingManager(page.enterprise) && (
        <LinkCell data-testid='training-manage-link' title='培训管理' description='课程、题库、试卷、指派和学习报表'
          onClick={() => void Taro.navigateTo({ url: routeUrl('trainingManage') })} />
      )}
    </View>
  );
}
