import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../ui/choice-chips';
import { LoadState } from '../../../ui/load-state';
import { useLoader } from '../hooks/use-kb-loader';
import { diffLines } from '../lib/text-diff';
import { kbService, type KbService } from '../services/kb.service';
import type { KbVersion } from '../services/kb.types';
import './kb.css';

export interface VersionCompareProps {
  nodeId: string;
  /** newest first, as the history lists them */
  versions: KbVersion[];
  service?: Pick<KbService, 'versionTexts'>;
}

const MARK = { added: '+', removed: '−', same: ' ' } as const;
const SAY = { added: '新增', removed: '删除', same: '未变' } as const;

/** 对比版本: pick two versions; their text line by line, removed and added lines marked by colour and by a sign. */
export function VersionCompare({ nodeId, versions, service = kbService }: VersionCompareProps) {
  const recent = versions.slice(0, 20);
  const [older, setOlder] = useState(recent[1]?.version_no ?? 0);
  const [newer, setNewer] = useState(recent[0]?.version_no ?? 0);
  const [a, b] = older <= newer ? [older, newer] : [newer, older];
  const texts = useLoader(() => service.versionTexts(nodeId, [a, b]), `${nodeId}|${a}|${b}`, a > 0 && b > 0 && a !== b);
  if (recent.length < 2) return null;
  const textOf = (no: number) => texts.data?.find((t) => t.version_no === no)?.body_text ?? '';
  const lines = texts.data ? diffLines(textOf(a), textOf(b)) : [];
  const options = recent.map((v) => ({ value: String(v.version_no), label: `第 ${v.version_no} 版` }));
  return (
    <View data-testid='kb-compare'>
      <Text className='kb-section-title'>对比版本</Text>
      <ChoiceChips label='旧版本' options={options} value={String(older)} testId='kb-compare-from' onChange={(v) => setOlder(Number(v))} />
      <ChoiceChips label='新版本' options={options} value={String(newer)} testId='kb-compare-to' onChange={(v) => setNewer(Number(v))} />
      {a === b ? <Text className='kb-muted'>请选择两个不同的版本</Text> : (
        <View>
          <Text className='kb-muted' data-testid='kb-compare-summary'>
            {`第 ${a} 版 → 第 ${b} 版：新增 ${lines.filter((l) => l.kind === 'added').length} 行，删除 ${lines.filter((l) => l.kind === 'removed').length} 行`}
          </Text>
          <LoadState loading={texts.loading} error={texts.error} onRetry={texts.reload} testId='kb-compare-state' />
          <View className='kb-diff' role='list' aria-label='版本差异'>
            {lines.map((l, i) => (
              <View key={i} className={`kb-diff__line kb-diff--${l.kind}`} role='listitem' aria-label={`${SAY[l.kind]}：${l.text}`} data-testid={`kb-diff-${l.kind}`}>
                <Text className='kb-diff__mark' aria-hidden>{MARK[l.kind]}</Text>
                <Text>{l.text || ' '}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
