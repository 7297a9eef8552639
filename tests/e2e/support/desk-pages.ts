// Page objects for the admin and ops consoles at desk width (H5 ≥ 1024 px): side navigation, tables.
import type { Locator } from 'playwright-core';
import { AccountPages, fillText } from './app-pages';

export class DeskPages extends AccountPages {
  // ---- admin console: members table
  memberRows(): Locator {
    return this.page.getByTestId('desk-member-row');
  }

  /** Waits until the pager says `共 N 人` (the server's total for the current search). */
  async waitForTotal(total: number): Promise<void> {
    await this.page.getByTestId('desk-members-pager-total').filter({ hasText: `共 ${total} 人` }).waitFor();
  }

  async searchMembers(query: string): Promise<void> {
    await fillText(this.page, 'desk-members-search', query);
    await this.page.getByTestId('desk-members-search-submit').click();
  }

  async filterDepartment(departmentId: string): Promise<void> {
    await this.page.getByTestId(`desk-members-department-${departmentId}`).click();
  }

  async nextPage(): Promise<void> {
    await this.page.getByTestId('desk-members-pager-next').click();
  }

  async adminSection(section: string): Promise<void> {
    await this.page.getByTestId(`admin-desk-nav-${section}`).click();
  }

  // ---- ops console
  async openOpsAccounts(): Promise<void> {
    await this.opsSection('accounts');
  }

  async opsSection(section: string): Promise<void> {
    await this.page.getByTestId(`ops-desk-nav-${section}`).click();
  }

  /** A decision table's row (`list` is the table's test id, e.g. ops-cancellations), opened in the side panel. */
  async openDecisionRow(list: string, text: string): Promise<Locator> {
    await this.page.getByTestId(`${list}-row`).filter({ hasText: text }).click();
    const panel = this.page.getByTestId(`${list}-panel`);
    await panel.filter({ hasText: text }).waitFor();
    return panel;
  }

  /** 查找与处置账号: finds the account behind a phone number, without acting. */
  async findAccount(phone: string): Promise<Locator> {
    await this.openOpsAccounts();
    await fillText(this.page, 'ops-action-phone', phone);
    await this.page.getByTestId('ops-action-find').click();
    const found = this.page.getByTestId('ops-action-account');
    await found.waitFor();
    return found;
  }
}
