/**
 * "A token goes only to the platform its format belongs to", in the real page: the built
 * renderer in Debian's Chromium, the real core behind the bridge. Keys are typed one by one
 * (pressSequentially — no paste, no fill), as a user typing a token would:
 * - a GitLab token typed into the Add dialog selects GitLab and says so;
 * - with GitHub chosen first, the same kind of token raises a warning naming both platforms,
 *   Save is refused (nothing reaches the vault) until "Use it anyway" is ticked, and then the
 *   token is stored under GitHub as the user insisted.
 * Axe scans and screenshots 60–61.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_HINT, chromiumAvailable, domText, expectNoAxeViolations, launchApp, shot, type App } from './harness';
import { BUTTON, LABEL, button } from './ui';

const run = chromiumAvailable();
const PASSWORD = 'e2e token formats — long enough';
const TYPED_GITLAB = 'glpat-E2Etyped0aaaabbbbccc';
const MISPLACED_GITLAB = 'glpat-E2Ewrong0ddddeeeefff';

describe.skipIf(!run)(`e2e token formats (${run ? 'Chromium' : CHROMIUM_HINT})`, () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp({ beforeLoad: async (bridge) => void (await bridge.call('vault.create', { password: PASSWORD })) });
    page = app.page;
    page.setDefaultTimeout(10_000);
    // vault.create leaves the vault unlocked: the page opens on the token list.
    await button(page, BUTTON.addToken).waitFor();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const addDialog = async (): Promise<Locator> => {
    await button(page, BUTTON.addToken).click();
    const d = page.getByRole('dialog', { name: 'Add token' });
    await d.waitFor();
    return d;
  };
  const platformOf = (d: Locator) => d.getByLabel(LABEL.platform, { exact: true }).inputValue();
  const stored = async () => {
    const list = await app.bridge.call('tokens.list', {});
    if (!list.ok) throw new Error(list.error.message);
    return list.value;
  };

  it('typing a GitLab token selects GitLab and says so (axe + screenshot)', async () => {
    const d = await addDialog();
    expect(await platformOf(d)).toBe('github');
    await d.getByLabel(LABEL.tokenValue, { exact: true }).pressSequentially(TYPED_GITLAB);
    await expect.poll(() => platformOf(d)).toBe('gitlab');
    await d.getByText('Recognised as a GitLab personal access token — platform set to GitLab.').waitFor();
    await d.getByLabel(LABEL.name, { exact: true }).pressSequentially('Typed e2e-gl');
    await d.getByLabel(LABEL.account, { exact: true }).pressSequentially('gl-e2e');
    await shot(page, '60-add-typed-gitlab-recognised');
    await expectNoAxeViolations(page, '60-add-typed-gitlab-recognised');
    await button(d, BUTTON.save).click();
    await d.waitFor({ state: 'detached' });
    expect((await stored()).map((t) => [t.name, t.platform])).toEqual([['Typed e2e-gl', 'gitlab']]);
    expect(await domText(page)).not.toContain(TYPED_GITLAB);
  });

  it('with GitHub chosen first: a warning naming both, Save refused until “Use it anyway” (axe + screenshot)', async () => {
    const d = await addDialog();
    await d.getByLabel(LABEL.platform, { exact: true }).selectOption('github');
    await d.getByLabel(LABEL.tokenValue, { exact: true }).pressSequentially(MISPLACED_GITLAB);
    const warning = d.locator('.platform-mismatch[role="alert"]');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/^This looks like a GitLab personal access token, not a GitHub token\./);
    expect(await platformOf(d)).toBe('github');
    await d.getByLabel(LABEL.name, { exact: true }).pressSequentially('Misplaced e2e');
    await d.getByLabel(LABEL.account, { exact: true }).pressSequentially('gh-e2e');

    await button(d, BUTTON.save).click();
    // Refused: the dialog stays, the warning has focus, the vault did not change.
    await expect.poll(() => warning.evaluate((el: unknown) => el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    expect(await d.isVisible()).toBe(true);
    expect(await stored()).toHaveLength(1);
    await shot(page, '61-platform-mismatch-warning');
    await expectNoAxeViolations(page, '61-platform-mismatch-warning');

    await d.getByRole('checkbox', { name: 'Use it anyway' }).check();
    await button(d, BUTTON.save).click();
    await d.waitFor({ state: 'detached' });
    const tokens = await stored();
    expect(tokens.find((t) => t.name === 'Misplaced e2e')).toMatchObject({ platform: 'github', account: 'gh-e2e' });
    expect(await domText(page)).not.toContain(MISPLACED_GITLAB);
    expect(app.errors).toEqual([]);
  });
});
