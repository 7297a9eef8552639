import { Text, View } from '@tarojs/components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { DeskDecisionTable } from '../desk-decision-table';

interface Item { id: string; name: string; status: 'pending' | 'done' }

const items = (n: number, status: Item['status']): Item[] => Array.from({ length: n }, (_, i) => ({ id: `${status}-${i + 1}`, name: `申请${i + 1}`, status }));

function renderTable(load: (filter: 'pending' | 'all') => Promise<Item[]>) {
  return render(
    <DeskDecisionTable<'pending' | 'all', Item>
      testId='reviews'
      label='申请'
      resultClassName='muted'
      filters={[{ value: 'pending', label: '待审核' }, { value: 'all', label: '全部' }]}
      load={load}
      empty={() => '没有申请'}
      itemKey={(item) => `${item.id}-${item.status}`}
      columns={[{ label: '名称', width: '1fr', render: (item) => item.name }]}
      renderItem={(item, onDone) => (
        <View data-testid='review-item'>
          <Text>{item.name}</Text>
          <View data-testid='review-approve' onClick={() => onDone(`已通过 ${item.name}`)}>通过</View>
        </View>
      )}
    />,
  );
}

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

describe('DeskDecisionTable', () => {
  it('pages the list 20 rows at a time and starts again at the first page for another filter', async () => {
    const load = jest.fn(async (filter: 'pending' | 'all') => (filter === 'pending' ? items(45, 'pending') : items(3, 'done')));
    renderTable(load);
    await act(async () => undefined);
    expect(screen.getAllByTestId('reviews-row')).toHaveLength(20);
    expect(screen.getByTestId('reviews-pager-total')).toHaveTextContent('共 45 条');
    await click(screen.getByTestId('reviews-pager-next'));
    await click(screen.getByTestId('reviews-pager-next'));
    expect(screen.getAllByTestId('reviews-row')).toHaveLength(5);
    await click(screen.getByTestId('reviews-filter-all'));
    expect(screen.getAllByTestId('reviews-row')).toHaveLength(3);
    expect(screen.getByTestId('reviews-pager-page')).toHaveTextContent('第 1 / 1 页');
  });

  it('opens a row beside the table; a decision closes it, says so and reads the list again', async () => {
    const load = jest.fn(async () => items(2, 'pending'));
    renderTable(load);
    await act(async () => undefined);
    expect(screen.queryByTestId('reviews-panel')).toBeNull();
    await click(screen.getAllByTestId('reviews-row')[1]);
    expect(screen.getByTestId('reviews-panel')).toHaveTextContent('申请2');
    await click(screen.getByTestId('review-approve'));
    expect(screen.queryByTestId('reviews-panel')).toBeNull();
    expect(screen.getByTestId('reviews-result')).toHaveTextContent('已通过 申请2');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
