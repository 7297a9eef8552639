import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { BusyButton } from '../../../ui/wide-button';
import { TextField } from '../../../ui/text-field';
import type { MyProfile } from '../schemas/my-profile';
import { DISPLAY_NAME_MAX, displayNameSchema } from '../schemas/profile.schema';
import { profileService, type ProfileService } from '../services/profile.service';

export interface NameEditorProps {
  currentName: string;
  onSaved(profile: MyProfile): void;
  service?: Pick<ProfileService, 'updateMyProfile'>;
}

export function NameEditor({ currentName, onSaved, service = profileService }: NameEditorProps) {
  const [name, setName] = useState(currentName);
  const { busy: saving, error, setError, run } = useAction();

  useEffect(() => setName(currentName), [currentName]);

  const handleSave = async () => {
    const parsed = displayNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '姓名无效');
    let profile: MyProfile | undefined;
    if (!(await run(async () => (profile = await service.updateMyProfile(parsed.data)))) || !profile) return undefined;
    onSaved(profile);
    void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
    return undefined;
  };

  const unchanged = name.trim() === currentName;
  return (
    <TextField
      label='姓名'
      placeholder='请输入真实姓名'
      maxLength={DISPLAY_NAME_MAX + 10}
      value={name}
      onChange={(value) => {
        setName(value);
        if (error) setError('');
      }}
      error={error}
      errorTestId='profile-name-error'
      testId='profile-edit-name'
      action={
        <BusyButton className='field__action' size='small' type='primary' busy={saving} disabled={saving || unchanged} onClick={handleSave} testId='profile-save-name'>
          保存
        </BusyButton>
      }
    />
  );
}
