import { Text, View } from '@tarojs/components';
import './settings.css';

// What account-cancel really does (docs/api.md › Account cancellation), in the user's words.
const DELETED = [
  '你的姓名改为“已注销用户”，出生日期、监护人信息被删除',
  '登录账号、手机号绑定、全部登录状态和通知被删除，所有设备立即退出登录',
  '你提交的账号申诉中的联系方式被清除',
  '你发布的内容会保留，但作者显示为“已注销用户”',
  '协议同意记录仅以匿名方式保留（不再关联到你），用于证明当时使用的协议版本',
];

export function CancelWarning() {
  return (
    <View className='card'>
      <Text className='page-title'>注销后无法恢复</Text>
      <View className='settings-warning' data-testid='cancel-warning' role='note'>
        <Text>注销是不可逆的操作。确认注销后：</Text>
        {DELETED.map((line) => (
          <View key={line}>
            <Text>· {line}</Text>
          </View>
        ))}
        <Text>注销后，该手机号可以重新注册，但会是一个全新的账号，原账号的任何数据都无法找回。</Text>
      </View>
    </View>
  );
}
