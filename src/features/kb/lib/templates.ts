// Built-in page templates (新建页面 offers them beside 空白页 and the enterprise's own).
import type { Delta, DeltaOp } from '../../../ui/rich-text';
import type { KbTemplate } from '../services/kb.types';

const h = (text: string, level: 1 | 2 | 3): DeltaOp[] => [{ insert: text }, { insert: '\n', attributes: { header: level } }];
const p = (text: string): DeltaOp[] => [{ insert: `${text}\n` }];
// an empty line is only its newline (Quill never stores an empty insert)
const li = (text: string, list: 'bullet' | 'ordered' | 'unchecked' = 'bullet'): DeltaOp[] =>
  [...(text ? [{ insert: text }] : []), { insert: '\n', attributes: { list } }];
const doc = (...parts: DeltaOp[][]): Delta => ({ ops: parts.flat() });

export const BUILT_IN_TEMPLATES: KbTemplate[] = [
  { id: 'builtin-meeting', title: '会议纪要', delta: doc(
    h('会议纪要', 1), p('时间：'), p('地点：'), p('参会人：'), h('议题', 2), li('', 'ordered'), h('结论', 2), li(''),
    h('待办事项', 2), li('事项 / 负责人 / 截止日期', 'unchecked')) },
  { id: 'builtin-manual', title: '操作手册', delta: doc(
    h('操作手册', 1), h('适用范围', 2), p(''), h('准备工作', 2), li(''), h('操作步骤', 2), li('第一步', 'ordered'), li('第二步', 'ordered'),
    h('常见问题', 2), p(''), h('联系人', 2), p('')) },
  { id: 'builtin-weekly', title: '项目周报', delta: doc(
    h('项目周报', 1), p('周期：'), h('本周进展', 2), li(''), h('下周计划', 2), li(''), h('风险与求助', 2), li('')) },
  { id: 'builtin-onboarding', title: '入职清单', delta: doc(
    h('入职清单', 1), h('入职第一天', 2), li('领取工牌与电脑', 'unchecked'), li('开通企业账号', 'unchecked'), li('认识导师（Buddy）', 'unchecked'),
    h('第一周', 2), li('阅读员工手册', 'unchecked'), li('完成新员工培训', 'unchecked'), h('第一个月', 2), li('与主管对齐试用期目标', 'unchecked')) },
];

export const BLANK_TEMPLATE: KbTemplate = { id: 'blank', title: '空白页', delta: { ops: [] } };
