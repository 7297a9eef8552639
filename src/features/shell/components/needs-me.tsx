import { Text, View } from '@tarojs/components';
import { CellGroup } from '../../../ui/cell';
import { NavCell } from '../../../ui/nav-cell';
import './needs-me.css';

export interface NeedsMeItem {
  key: string;
  title: string;
  description?: string;
  onOpen(): void;
}

export interface NeedsMeInput {
  /** agreements the member has not accepted yet (none blocks: the member is cleared) */
  pendingAgreements: number;
  /** admins: join requests waiting for a decision */
  joinRequests: number;
  /** null: no notification center yet */
  unread: number | null;
}

/** The "待我处理" rows, in the order a member should act on them. */
export function needsMeItems(input: NeedsMeInput, open: { agreements(): void; joinRequests(): void; notices(): void }): NeedsMeItem[] {
  const items: NeedsMeItem[] = [];
  if (input.pendingAgreements > 0) {
    items.push({ key: 'agreements', title: `${input.pendingAgreements} 份协议待确认`, description: '查看并确认更新的协议', onOpen: open.agreements });
  }
  if (input.joinRequests > 0) {
    const count = input.joinRequests >= 100 ? '99+' : String(input.joinRequests);
    items.push({ key: 'join-requests', title: `${count} 条加入申请待审批`, description: '同意或拒绝申请加入企业的人', onOpen: open.joinRequests });
  }
  if (input.unread !== null && input.unread > 0) {
    items.push({ key: 'notices', title: `${input.unread} 条未读通知`, onOpen: open.notices });
  }
  return items;
}

/** Home: what waits for me. An empty list says so (a member should know nothing is missed). */
export function NeedsMe({ items }: { items: NeedsMeItem[] }) {
  return (
    <CellGroup title='待我处理'>
      {items.length === 0 ? (
        <View className='needs-me__empty' data-testid='needs-me-empty'>
          <Text>暂无待办</Text>
        </View>
      ) : (
        items.map((item) => <NavCell key={item.key} title={item.title} description={item.description} data-testid={`needs-me-${item.key}`} onClick={item.onOpen} />)
      )}
    </CellGroup>
  );
}
