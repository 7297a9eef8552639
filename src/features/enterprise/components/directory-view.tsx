import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { localPhone, maskPhone } from '../../../lib/phone';
import { SearchBox } from '../../../ui/search-box';
import { useLoader } from '../../../lib/hooks/use-loader';
import { directoryService, type DirectoryService } from '../services/directory.service';
import type { DepartmentNode } from '../services/enterprise.types';
import { ChoiceChips } from '../../../ui/choice-chips';
import { ROLE_LABEL } from './labels';
import { LoadState } from '../../../ui/load-state';
import './enterprise.css';

export interface DirectoryViewProps {
  enterpriseId: string;
  service?: Pick<DirectoryService, 'directory' | 'departmentTree'>;
}

/** Departments in tree order (parents before children), each with its depth for indentation. */
export function treeOrder(nodes: DepartmentNode[]): DepartmentNode[] {
  const children = new Map<string | null, DepartmentNode[]>();
  for (const n of nodes) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n]);
  const out: DepartmentNode[] = [];
  const walk = (parent: string | null) => {
    for (const n of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh'))) {
      out.push(n);
      walk(n.id);
    }
  };
  walk(null);
  return out;
}

/** 通讯录: search by name, title or employee number; filter by department. Hidden fields come back empty. */
export function DirectoryView({ enterpriseId, service = directoryService }: DirectoryViewProps) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [department, setDepartment] = useState('');
  const tree = useLoader(() => service.departmentTree(enterpriseId), enterpriseId);
  const people = useLoader(
    () => service.directory(enterpriseId, { query, departmentId: department || null }),
    `${enterpriseId}|${query}|${department}`,
  );
  const departments = treeOrder(tree.data ?? []);

  return (
    <View data-testid='directory'>
      <SearchBox className='ent-search' value={typed} onChange={setTyped} onSearch={setQuery} placeholder='搜索姓名、职位或工号' ariaLabel='搜索通讯录' testId='directory-search' />
      {departments.length > 0 && (
        <ChoiceChips
          label='部门'
          testId='directory-department'
          value={department}
          onChange={setDepartment}
          options={[{ value: '', label: '全部' }, ...departments.map((d) => ({ value: d.id, label: `${'·'.repeat(d.depth - 1)}${d.name}` }))]}
        />
      )}
      <LoadState
        loading={people.loading && !people.data}
        error={people.error}
        onRetry={people.reload}
        isEmpty={people.data?.length === 0}
        empty={query ? `没有找到“${query}”` : '暂无可见的同事'}
        testId='directory'
      />
      {people.data?.map((p) => (
        <View key={p.user_id} className='ent-item' data-testid='directory-entry' data-user={p.user_id}>
          <View className='ent-row'>
            <Text className='ent-title'>{p.display_name || '未填写姓名'}</Text>
            <Text className='ent-tag'>{p.is_head ? '负责人' : ROLE_LABEL[p.role] ?? p.role}</Text>
          </View>
          <Text className='ent-muted'>
            {[p.department_name, p.title, p.employee_no && `工号 ${p.employee_no}`].filter(Boolean).join(' · ') || '—'}
          </Text>
          {/* A phone shows only where the enterprise's directory settings allow it (the server
              sends null otherwise): masked in the list, tap to call. */}
          {(p.phone || p.email) && (
            <View className='ent-muted' data-testid='directory-contact'>
              {p.phone && (
                <Text
                  className='ent-phone'
                  role='link'
                  aria-label={`拨打 ${p.display_name || '同事'} 的电话`}
                  data-testid='directory-phone'
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: localPhone(p.phone as string) }).catch(() => undefined)}
                >
                  {maskPhone(p.phone)}
                </Text>
              )}
              {p.phone && p.email && ' · '}
              {p.email && <Text>{p.email}</Text>}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
