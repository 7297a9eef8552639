import type { ModuleMessages } from '../../lib/data';
import { IDENTITY_ERROR_MESSAGES } from '../identity/identity.messages';

// Stable codes the training RPCs raise and the training-certificate function answers (docs/api.md
// › Training and exams) → what people read. The server's hints are precise where one code covers
// several situations (exam_not_open carries the opening time, not_enough_questions the category),
// so the server's text wins and this table covers a missing one.
export const TRAINING_ERROR_MESSAGES: Record<string, string> = {
  not_training_manager: '仅企业管理员或培训管理员可以执行此操作',
  course_not_found: '课程不存在',
  chapter_not_found: '章节不存在',
  lesson_not_found: '课时不存在',
  question_not_found: '题目不存在',
  paper_not_found: '试卷不存在',
  attempt_not_found: '考试记录不存在',
  path_not_found: '学习路径不存在',
  courses_invalid: '请按顺序选择1到50门本企业的课程，不能重复',
  department_invalid: '请选择本企业的部门',
  certificate_not_found: '证书不存在或无权查看',
  exam_not_open: '考试尚未开始',
  exam_closed: '考试已结束',
  attempts_exhausted: '考试次数已用完',
  paper_empty: '试卷没有题目，请联系培训管理员',
  not_enough_questions: '题库题目不足，请联系培训管理员',
  course_empty: '课程还没有课时，不能发布',
  course_not_published: '课程发布后才能指派',
  answer_invalid: '答案格式不正确',
  answers_invalid: '答案格式不正确',
  position_invalid: '进度或题号无效',
  title_invalid: '标题须为1到80个字',
  due_at_past: '截止时间须晚于现在',
  rows_invalid: '一次导入1到1000道题',
  media_unavailable: '暂时无法打开该文件，请稍后重试',
  file_too_large: '文件太大，请压缩后再上传',
  file_type_invalid: '不支持该文件类型',
  upload_failed: '上传失败，请检查网络后重试',
  upload_cancelled: '已取消上传',
  cover_path_invalid: '封面图片无效，请重新上传',
  video_invalid: '请上传视频并填写时长',
  document_invalid: '请上传文档',
  lesson_image_invalid: '正文中的图片须用编辑器的图片按钮上传到本企业的培训空间，不支持外部图片链接，请删除后重新插入',
  feature_not_in_edition: '培训与考试是专业版和私有版的功能，请升级企业版本',
  archive_kind_invalid: '只能归档课程、试卷或题目',
  archived_invalid: '请选择归档或恢复',
};

/** The training module's binding of the data layer (src/lib/data). */
export const TRAINING_MESSAGES: ModuleMessages = {
  messages: { ...IDENTITY_ERROR_MESSAGES, ...TRAINING_ERROR_MESSAGES },
  serverTextFirst: true,
};
