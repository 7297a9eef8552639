import { View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../../lib/hooks/use-action';
import { Button } from '../../../../ui/button';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { departmentNameSchema, firstMessage } from '../../schemas/enterprise.schema';
import { adminService, type AdminService } from '../../services/admin.service';
import { directoryService, type DirectoryService } from '../../services/directory.service';
import { treeOrder } from '../directory-view';
import { LoadState } from '../../../../ui/load-state';
import { TextField } from '../../../../ui/text-field';
import { DepartmentItem } from './department-item';
import { StatusLine } from '../../../../ui/status-line';

export interface DepartmentsPanelProps {
  enterpriseId: string;
  service?: DepartmentItemService;
  admin?: Pick<AdminService, 'listMembers'>;
}
type DepartmentItemService = Pick<DirectoryService, 'departmentTree' | 'createDepartment' | 'renameDepartment' | 'moveDepartment' | 'deleteDepartment' | 'setDepartmentHead'>;

/** 部门管理: the department tree (at most 15 levels) with create / rename / move / delete / head. */
export function DepartmentsPanel({ enterpriseId, service = directoryService, admin = adminService }: DepartmentsPanelProps) {
  const tree = useLoader(() => service.departmentTree(enterpriseId), enterpriseId);
  const members = useLoader(() => admin.listMembers(enterpriseId), enterpriseId);
  const [name, setName] = useState('');
  const [result, setResult] = useState('');
  const { busy, error, setError, run } = useAction();
  const departments = treeOrder(tree.data ?? []);

  const changed = (message: string) => {
    setResult(message);
    tree.reload();
  };

  const createRoot = async () => {
    const parsed = departmentNameSchema.safeParse(name);
    if (!parsed.success) return setError(firstMessage(parsed.error));
    return void run(async () => {
      await service.createDepartment(enterpriseId, null, parsed.data);
      setName('');
      changed(`已创建${parsed.data}`);
    });
  };

  return (
    <View data-testid='admin-departments'>
      <View className='card'>
        <TextField label='新建顶级部门' value={name} onChange={setName} testId='department-new-name' error={error} maxLength={50} />
        <Button type='primary' size='small' role='button' loading={busy} disabled={busy} data-testid='department-create' onClick={() => void createRoot()}>
          创建部门
        </Button>
      </View>
      <StatusLine message={result} className='ent-muted' testId='admin-departments-result' />
      <LoadState loading={tree.loading && !tree.data} error={tree.error} onRetry={tree.reload} isEmpty={departments.length === 0} empty='还没有部门' testId='departments' />
      {departments.map((d) => (
        <DepartmentItem key={`${d.id}-${d.name}-${d.parent_id ?? ''}`} enterpriseId={enterpriseId} department={d} all={departments} members={members.data ?? []} service={service} onChanged={changed} />
      ))}
    </View>
  );
}
