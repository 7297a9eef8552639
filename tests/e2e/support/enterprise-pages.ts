// Page objects for the enterprise screens (issue 4): tests speak in user steps, selectors live here.
import type { Locator, Page } from 'playwright-core';
import { AccountPages } from './app-pages';

/** Taro renders inputs and textareas as custom elements wrapping a native control; fill that. */
async function fillIn(page: Page, testId: string, value: string): Promise<void> {
  const host = page.getByTestId(testId);
  const inner = host.locator('input, textarea');
  const target: Locator = (await inner.count()) > 0 ? inner.first() : host;
  await target.fill(value);
}

export interface NewEnterprise {
  name: string;
  industry: string;
  size: '1-49' | '50-199' | '200-999' | '1000+';
  contactName: string;
  contactPhone: string;
}

type CardFields = { name?: string; title?: string; email?: string; employeeNo?: string };

export class EnterprisePages extends AccountPages {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl);
  }

  // ---- home
  homeEnterpriseName(): Locator {
    return this.page.getByTestId('home-enterprise-name');
  }

  async openMyEnterprisesFromHome(): Promise<void> {
    await this.page.getByTestId('home-enterprise').click();
    await this.page.getByTestId('enterprise-mine-page').waitFor();
  }

  // ---- 我的企业
  enterpriseItem(name: string): Locator {
    return this.page.getByTestId(`enterprise-item-${name}`);
  }

  currentTagOf(name: string): Locator {
    return this.enterpriseItem(name).getByTestId('enterprise-current-tag');
  }

  async switchTo(name: string): Promise<void> {
    await this.page.getByTestId(`enterprise-switch-${name}`).click();
    await this.currentTagOf(name).waitFor();
  }

  /** 退出企业: the first tap shows what leaving means (returned), the second leaves. */
  async leaveEnterprise(name: string): Promise<string> {
    const id = `enterprise-leave-${name}`;
    await this.page.getByTestId(id).click();
    const explanation = (await this.page.locator('.confirm-action__message').first().textContent()) ?? '';
    await this.page.getByTestId(`${id}-confirm`).click();
    return explanation;
  }

  async openAdminOf(name: string): Promise<void> {
    await this.page.getByTestId(`enterprise-admin-${name}`).click();
    await this.page.getByTestId('admin-console').waitFor();
  }

  // ---- 创建企业
  async createEnterprise(e: NewEnterprise): Promise<void> {
    await this.page.getByTestId('enterprise-create-link').click();
    await this.page.getByTestId('create-enterprise-form').waitFor();
    await fillIn(this.page, 'enterprise-name', e.name);
    await fillIn(this.page, 'enterprise-industry', e.industry);
    await this.page.getByTestId(`enterprise-size-${e.size}`).click();
    await fillIn(this.page, 'enterprise-contact-name', e.contactName);
    await fillIn(this.page, 'enterprise-contact-phone', e.contactPhone);
    await this.page.getByTestId('create-enterprise-submit').click();
  }

  // ---- sign-in with an SMS code from the local outbox (the page's local-only hint)
  async signInWithSmsCode(localPhone: string): Promise<void> {
    await this.page.getByTestId('login-phone').waitFor();
    await this.requestCode(localPhone);
    await this.enterCode(await this.localCode());
    await this.submitLogin();
  }

  // ---- 企业管理
  async adminTab(tab: 'members' | 'invitations' | 'requests' | 'departments' | 'settings' | 'qualification'): Promise<void> {
    await this.page.getByTestId(`admin-tab-${tab}`).click();
  }

  /** Creates an invitation on the 邀请 tab; returns the code and link the page shows. */
  async createInvitation(opts: { role?: 'member' | 'admin'; validity?: '24' | '168' | '720'; maxUses?: number } = {}): Promise<{ code: string; link: string }> {
    await this.page.getByTestId('admin-invitations').waitFor();
    if (opts.role) await this.page.getByTestId(`invite-role-${opts.role}`).click();
    if (opts.validity) await this.page.getByTestId(`invite-validity-${opts.validity}`).click();
    if (opts.maxUses) await fillIn(this.page, 'invite-max-uses', String(opts.maxUses));
    await this.page.getByTestId('invite-create').click();
    const code = ((await this.page.getByTestId('invitation-code').textContent()) ?? '').trim();
    const link = ((await this.page.getByTestId('invitation-link').textContent()) ?? '').trim();
    return { code, link };
  }

  invitationState(code: string): Locator {
    return this.page.getByTestId(`invitation-${code}-state`);
  }

  /** Join-request rows on the 加入申请 tab, found by the applicant's user id. */
  joinRequestOf(userId: string): Locator {
    return this.page.locator(`[data-testid^="join-request-"][data-user="${userId}"]`);
  }

  async approveRequestOf(userId: string): Promise<void> {
    const row = this.joinRequestOf(userId);
    await row.locator('[data-testid$="-approve"]').click();
    await this.page.getByTestId('admin-requests-result').filter({ hasText: '已通过' }).waitFor();
  }

  async rejectRequestOf(userId: string, reason: string): Promise<void> {
    const row = this.joinRequestOf(userId);
    await row.locator('[data-testid$="-reject"]').click();
    await row.locator('[data-testid$="-reason"] textarea').fill(reason);
    await row.locator('[data-testid$="-reject-confirm"]').click();
    await this.page.getByTestId('admin-requests-result').filter({ hasText: '已拒绝' }).waitFor();
  }

  async saveSettings(s: { joinRule?: 'invite' | 'approval' | 'allowlist'; directoryScope?: 'all' | 'department'; hide?: ('phone' | 'email' | 'title' | 'employee_no')[] }): Promise<void> {
    await this.page.getByTestId('admin-settings').waitFor();
    if (s.joinRule) await this.page.getByTestId(`settings-join-rule-${s.joinRule}`).click();
    if (s.directoryScope) await this.page.getByTestId(`settings-directory-scope-${s.directoryScope}`).click();
    for (const field of s.hide ?? []) await this.page.getByTestId(`settings-hidden-${field}`).click();
    await this.page.getByTestId('settings-save').click();
    await this.page.getByTestId('settings-result').filter({ hasText: '设置已保存' }).waitFor();
  }

  async createDepartment(name: string): Promise<void> {
    await this.page.getByTestId('admin-departments').waitFor();
    await fillIn(this.page, 'department-new-name', name);
    await this.page.getByTestId('department-create').click();
    await this.page.getByTestId(`department-${name}`).waitFor();
  }

  async moveMemberTo(displayName: string, departmentId: string): Promise<void> {
    const prefix = `member-${displayName}`;
    await this.page.getByTestId(`${prefix}-edit`).click();
    await this.page.getByTestId(`${prefix}-department-${departmentId}`).click();
    await this.page.getByTestId(`${prefix}-save-department`).click();
    await this.page.getByTestId('admin-members-result').filter({ hasText: `已调整 ${displayName} 的部门` }).waitFor();
  }

  /** 编辑名片 on a member's row: the card page for that member. */
  async openMemberCard(displayName: string): Promise<void> {
    await this.page.getByTestId(`member-${displayName}-card`).click();
    await this.page.getByTestId('member-card').waitFor();
  }

  async removeMember(displayName: string): Promise<void> {
    const prefix = `member-${displayName}`;
    await this.page.getByTestId(`${prefix}-edit`).click();
    await this.page.getByTestId(`${prefix}-remove`).click();
    await this.page.getByTestId(`${prefix}-remove-confirm`).click();
    await this.page.getByTestId('admin-members-result').filter({ hasText: `已将 ${displayName} 移出企业` }).waitFor();
  }

  // ---- 邀请落地页
  invitationStatus(): Locator {
    return this.page.getByTestId('invitation-status');
  }

  async acceptInvitation(): Promise<void> {
    await this.page.getByTestId('invitation-accept').click();
  }

  async declineInvitation(): Promise<void> {
    await this.page.getByTestId('invitation-decline').click();
  }

  // ---- 通讯录
  directoryNames(): Locator {
    return this.page.getByTestId('directory-entry').locator('.ent-title');
  }

  async searchDirectory(text: string): Promise<void> {
    await fillIn(this.page, 'directory-search', text);
    await this.page.getByTestId('directory-search-submit').click();
  }

  // ---- 我的名片
  async openCardOf(enterpriseName: string): Promise<void> {
    await this.page.getByTestId(`enterprise-card-${enterpriseName}`).click();
    await this.page.getByTestId('member-card').waitFor();
  }

  /** Fills the given fields of a card (the employee number: admins only) and taps 保存. */
  async submitCard(fields: CardFields): Promise<void> {
    if (fields.name !== undefined) await fillIn(this.page, 'member-card-name', fields.name);
    if (fields.title !== undefined) await fillIn(this.page, 'member-card-title', fields.title);
    if (fields.email !== undefined) await fillIn(this.page, 'member-card-email', fields.email);
    if (fields.employeeNo !== undefined) await fillIn(this.page, 'member-card-employee-no', fields.employeeNo);
    await this.page.getByTestId('member-card-save').click();
  }

  /** submitCard, then the status line the page shows once saved. */
  async saveCard(fields: CardFields): Promise<string> {
    await this.submitCard(fields);
    const status = this.page.getByTestId('member-card-status');
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }
}

/** The route part of an invitation link (`…#/packages/enterprise/join/index?code=…`). */
export function routeOfLink(link: string): string {
  const hash = link.indexOf('#/');
  if (hash < 0) throw new Error(`not an H5 invitation link: ${link}`);
  return link.slice(hash + 2);
}
