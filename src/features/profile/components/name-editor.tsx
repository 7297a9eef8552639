import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
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
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => setName(currentName), [currentName]);

  const handleSave = async () => {
    const parsed = displayNameSchema.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '姓名无效');
      return;
    }
    setError('');
    setSaving(true);
    let profile: MyProfile;
    try {
      profile = await service.updateMyProfile(parsed.data);
    } catch (failure) {
      setError(messageOf(failure));
      return;
    } finally {
      setSaving(false);
    }
    onSaved(profile);
    void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
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
        <Button
          className='field__action'
          size='small'
          type='primary'
          loading={saving}
          disabled={saving || unchanged}
          aria-disabled={saving || unchanged}
          role='button'
          onClick={handleSave}
          data-testid='profile-save-name'
        >
          保存
        </Button>
      }
    />
  );
}
