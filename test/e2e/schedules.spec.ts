import { expect, test } from './support/console';
import { apiSession, deploy, OPERATOR, provisionOperator, scratchFolder } from './support/engine';
import { secondDesk } from './support/governance';
import { ADMIN, signIn } from './support/people';
import { AUDITOR, dismissToast, holidayCsv, monthTitleOf, SCHEDULED_REPORT, timeOfDayIn, weekdaysAfterToday } from './support/schedules';

/** The engine runs the instance in the background: generous for a busy CI machine, still bounded. */
const SLOW = { timeout: 30_000 };

// The viewer is not in the schedule's zone, so times are shown both ways.
test.use({ timezoneId: 'America/New_York' });

/**
 * An admin's day with schedules: import the bank's holiday list (one line of it unreadable),
 * which waits for the second admin's approval; create a schedule that runs every business day
 * and see that the holiday is skipped, run it now and watch the run complete, then pause and
 * resume it.
 */
test('import a holiday calendar, schedule a workflow on its business days, run it now, pause and resume it', async ({ page, browser, server }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  const files = scratchFolder();
  // The 3rd weekday after today is the holiday: the 2nd and 4th are the business days around it.
  const [, dayBefore, holiday, dayAfter] = weekdaysAfterToday(4) as [string, string, string, string];
  const at = timeOfDayIn(8);
  try {
    // Two admins: every calendar change waits for the other one (four eyes).
    const { admin, operator: secondAdmin } = await provisionOperator(server);
    await deploy(admin, 'scheduled-report.yaml', SCHEDULED_REPORT, secondAdmin);
    const csv = files.write('bank-holidays.csv', holidayCsv([{ date: holiday, name: 'Founders Day' }], true));

    await test.step('the admin signs in and opens Schedules with g s: nothing is scheduled yet', async () => {
      await page.goto('/');
      await signIn(page, ADMIN.username, ADMIN.password);
      await page.keyboard.press('g');
      await page.keyboard.press('s');
      await expect(page.getByRole('heading', { name: 'Schedules', level: 1 })).toBeVisible();
      await expect(page.getByText('No schedule yet.')).toBeVisible();
    });

    const dialog = page.getByRole('dialog', { name: 'Import a holiday calendar' });
    await test.step('importing a CSV shows its holidays and the unreadable line before anything is written', async () => {
      await page.getByRole('tab', { name: 'Calendars' }).click();
      await expect(page.getByRole('heading', { name: 'Calendars', level: 1 })).toBeVisible();
      await page.getByRole('button', { name: 'Import' }).click();
      await dialog.locator('input[type="file"]').setInputFiles(csv);
      await expect(dialog.getByLabel('Calendar name')).toHaveValue('bank-holidays');
      await dialog.getByLabel('Calendar name').fill('E2E-BANK');
      await dialog.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
      await page.getByRole('option', { name: 'UTC', exact: true }).click();
      await expect(dialog.getByRole('checkbox', { name: 'Saturday' })).toBeChecked();
      await expect(dialog.getByRole('checkbox', { name: 'Sunday' })).toBeChecked();
      await dialog.getByRole('button', { name: 'Preview import' }).click();

      await expect(dialog.getByRole('alert')).toContainText('1 line cannot be read');
      const problem = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem');
      await expect(problem).toHaveCount(1);
      await expect(problem).toContainText(/bank-holidays\.csv:4:\d+/);
      await expect(dialog.locator('[data-line="4"]')).toHaveAttribute('data-highlight', 'true');
      await expect(dialog.getByRole('table', { name: 'Holidays to import' }).getByRole('row', { name: new RegExp(holiday) })).toContainText('Founders Day');
    });

    const summary = 'create calendar E2E-BANK from bank-holidays.csv (1 holidays, replace)';
    const waiting = page.getByRole('region', { name: /calendar changes? waiting for a second admin$/ });
    await test.step('importing the readable lines records a change that waits for the second admin', async () => {
      await dialog.getByRole('button', { name: 'Import the readable lines' }).click();
      await expect(dialog.getByRole('status')).toContainText('Waiting for a second admin’s approval');
      await expect(dialog.getByRole('status')).toContainText('another admin approves it under Admin › Pending changes');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();
      await expect(waiting).toContainText('1 calendar change waiting for a second admin');
      await expect(waiting).toContainText(`${summary} · requested by ${ADMIN.username}`);
      await expect(page.getByText('No business calendar yet.')).toBeVisible();
    });

    await test.step('once the second admin approves, the calendar appears without reloading', async () => {
      const { items } = await secondAdmin.call<{ items: { id: string; summary: string }[] }>('changes.list', { status: 'pending' });
      const change = items.find((c) => c.summary === summary);
      expect(change, `pending change "${summary}"`).toBeDefined();
      await secondAdmin.call('changes.approve', { changeId: change?.id, comment: `checked by ${OPERATOR.username} against the bank's notice` });
      await expect(waiting).toBeHidden();
      const row = page.getByRole('table', { name: 'Calendars' }).getByRole('row', { name: /E2E-BANK/ });
      await expect(row).toContainText('UTC');
      await expect(row).toContainText('Sat, Sun');
      await row.getByRole('link', { name: 'E2E-BANK' }).click();
      await expect(page.getByRole('heading', { name: 'E2E-BANK', level: 1 })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Calendar details' })).toContainText(`by ${OPERATOR.username}`);
      await expect(page.getByRole('region', { name: 'Calendar details' })).toContainText('UTC');
      await expect(page.getByRole('table', { name: /^Holidays in / })).toContainText(holiday);
    });

    await test.step('a new schedule previews its fire times: every business day, the holiday skipped', async () => {
      await page.getByRole('link', { name: 'Schedules', exact: true }).first().click();
      await page.getByRole('link', { name: 'New schedule' }).click();
      await expect(page.getByRole('heading', { name: 'New schedule', level: 1 })).toBeVisible();
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Daily report');
      await page.getByRole('combobox', { name: 'Workflow' }).click();
      await page.getByRole('option', { name: /^scheduled-report/ }).click();
      await page.getByRole('button', { name: 'Add input field' }).click();
      await page.getByLabel('Input field 3 name').fill('takes');
      await page.getByLabel('Input field 3 expression').fill('"PT1S"');
      await page.getByRole('combobox', { name: 'Business calendar' }).click();
      await page.getByRole('option', { name: 'E2E-BANK' }).click();
      // The zone follows the calendar's until one is chosen by hand.
      await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('UTC');
      await page.getByLabel('Time of day').fill(at);

      await expect(page.getByTestId('rule-in-words')).toHaveText(`Fires every business day at ${at} UTC (E2E-BANK)`);
      const preview = page.getByRole('table', { name: 'Preview of the next fire times' });
      await expect(preview.getByRole('row', { name: new RegExp(dayBefore) })).toBeVisible();
      await expect(preview.getByRole('row', { name: new RegExp(dayAfter) })).toBeVisible();
      await expect(preview).not.toContainText(holiday);
    });

    await test.step('mistakes are explained: in the preview while typing, under the field the core names on saving', async () => {
      await page.getByLabel('Time of day').fill('');
      await expect(page.getByRole('region', { name: 'Preview' }).getByRole('status')).toContainText(
        'Time of day: The every-business-day rule needs a time of day',
      );
      await page.getByLabel('Time of day').fill(at);
      await expect(page.getByTestId('rule-in-words')).toBeVisible();

      // Only the core parses FEEL: an unterminated string is refused and shown under its row.
      await page.getByLabel('Input field 3 expression').fill('"PT1S');
      await page.getByRole('button', { name: 'Create schedule' }).click();
      const expression = page.getByLabel('Input field 3 expression');
      await expect(expression).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText(/the expression may use fireTime, businessDate, scheduleName and trigger/)).toBeVisible();
      await expect(page.getByRole('heading', { name: 'New schedule', level: 1 })).toBeVisible();
      await expression.fill('"PT1S"');
    });

    await test.step('once created, its page shows the next fire times and the holiday closed in the month grid', async () => {
      await page.getByRole('button', { name: 'Create schedule' }).click();
      await expect(page.getByRole('heading', { name: 'Daily report', level: 1 })).toBeVisible();
      await dismissToast(page, 'Schedule Daily report created.');
      await expect(page.getByRole('region', { name: 'Schedule details' }).locator('[data-status="active"]')).toBeVisible();
      const next = page.getByRole('table', { name: 'Next fire times' });
      await expect(next.getByRole('row', { name: new RegExp(dayAfter) })).toBeVisible();
      await expect(next).not.toContainText(holiday);

      const month = monthTitleOf(holiday);
      for (let i = 0; i < 2 && (await page.getByRole('heading', { level: 3, name: month }).count()) === 0; i++) {
        await page.getByRole('button', { name: 'Next month' }).click();
      }
      const grid = page.getByRole('table', { name: `${month} in E2E-BANK` });
      await expect(grid.locator(`[data-date="${holiday}"]`)).toHaveAttribute('data-kind', 'holiday');
      await expect(grid.locator(`[data-date="${holiday}"]`)).toHaveAttribute('title', /closed, Founders Day/);
      await expect(grid.locator(`[data-date="${holiday}"]`)).not.toHaveAttribute('data-fires', /.*/);
      if (monthTitleOf(dayAfter) === month) await expect(grid.locator(`[data-date="${dayAfter}"]`)).toHaveAttribute('data-fires', 'true');
    });

    const history = page.getByRole('table', { name: 'Run history' });
    const reason = 'Month-end figures needed early by the treasury desk';
    await test.step('run now asks for a reason, and the run appears in the history and completes', async () => {
      await expect(page.getByText('No run yet.')).toBeVisible();
      await page.getByRole('button', { name: 'Run now' }).click();
      const run = page.getByRole('dialog', { name: 'Run schedule now' });
      await run.getByRole('button', { name: 'Run now' }).click();
      await expect(run.getByText(/give a reason/i)).toBeVisible();
      await run.getByLabel('Reason').fill(reason);
      await run.getByRole('button', { name: 'Run now' }).click();
      await expect(run).toBeHidden();
      await dismissToast(page, 'Run of Daily report started.');

      const row = history.getByRole('row').filter({ hasText: reason });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('manual');
      await expect(row).toContainText(`by ${ADMIN.username}`);
      await expect(row.locator('[data-run-status="started"]')).toBeVisible();
      await expect(row.locator('[data-outcome="completed"]')).toBeVisible(SLOW);
      await row.getByRole('link', { name: 'Open instance' }).click();
      await expect(page).toHaveURL(/#\/instances\/[^/?]+$/);
      await expect(page.getByRole('heading', { name: /^scheduled-report · \d{4}-\d{2}-\d{2}$/, level: 1 })).toBeVisible();
      await expect(page.locator('[data-status="completed"]').first()).toBeVisible();
      await page.goBack();
      await expect(page.getByRole('heading', { name: 'Daily report', level: 1 })).toBeVisible();
    });

    const details = page.getByRole('region', { name: 'Schedule details' });
    await test.step('pausing needs a reason; a paused schedule has no next fire time', async () => {
      await page.getByRole('button', { name: 'Pause' }).click();
      const pause = page.getByRole('dialog', { name: 'Pause schedule' });
      await pause.getByLabel('Reason').fill('Year-end freeze agreed with operations');
      await pause.getByRole('button', { name: 'Pause' }).click();
      await expect(pause).toBeHidden();
      await dismissToast(page, 'Schedule Daily report paused.');
      await expect(details.locator('[data-status="paused"]')).toBeVisible();
      await expect(details.getByTestId('no-next-fire')).toHaveText('none while paused');
      await expect(details).toContainText('Paused because: Year-end freeze agreed with operations');
      await expect(page.getByText('Nothing fires while the schedule is paused.')).toBeVisible();
      await expect(page.getByRole('table', { name: 'Next fire times' })).toHaveCount(0);
    });

    await test.step('resuming brings the next fire times back', async () => {
      await page.getByRole('button', { name: 'Resume' }).click();
      await dismissToast(page, 'Schedule Daily report resumed.');
      await expect(details.locator('[data-status="active"]')).toBeVisible();
      await expect(details.getByTestId('no-next-fire')).toHaveCount(0);
      await expect(page.getByRole('table', { name: 'Next fire times' }).getByRole('row', { name: new RegExp(dayAfter) })).toBeVisible();
    });

    await test.step('a pause the core refuses says why: the second admin paused it meanwhile, which the page shows live', async () => {
      await page.getByRole('button', { name: 'Pause' }).click();
      const pause = page.getByRole('dialog', { name: 'Pause schedule' });
      await pause.getByLabel('Reason').fill('Pausing for the audit');
      const schedules = await secondAdmin.call<{ items: { id: string; name: string }[] }>('schedules.list', {});
      const scheduleId = schedules.items.find((s) => s.name === 'Daily report')?.id;
      await secondAdmin.call('schedules.pause', { scheduleId, reason: 'Bank file format change' });
      await pause.getByRole('button', { name: 'Pause' }).click();
      await expect(pause).toBeHidden();
      const refusal = page.getByRole('alert').filter({ hasText: 'The schedule was not paused' });
      await expect(refusal).toContainText('The schedule is paused; only an active schedule can be paused.');
      await refusal.getByRole('button').click();
      await expect(details).toContainText('Paused because: Bank file format change');
      await page.getByRole('button', { name: 'Resume' }).click();
      await dismissToast(page, 'Schedule Daily report resumed.');
      await expect(details.locator('[data-status="active"]')).toBeVisible();
    });

    const later = timeOfDayIn(9);
    await test.step('editing the time of day moves its fire times', async () => {
      await page.getByRole('link', { name: 'Edit' }).click();
      await expect(page.getByRole('heading', { name: 'Edit Daily report', level: 1 })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Daily report');
      await expect(page.getByLabel('Input field 3 expression')).toHaveValue('"PT1S"');
      await page.getByLabel('Time of day').fill(later);
      await expect(page.getByTestId('rule-in-words')).toHaveText(`Fires every business day at ${later} UTC (E2E-BANK)`);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByRole('heading', { name: 'Daily report', level: 1 })).toBeVisible();
      await expect(page.getByText(`Fires every business day at ${later} UTC (E2E-BANK)`)).toBeVisible();
      await expect(details).toContainText('revision 5');
    });

    await test.step('the list shows the schedule in words with its last run, and j and Enter open it', async () => {
      await page.keyboard.press('g');
      await page.keyboard.press('s');
      await expect(page.getByRole('heading', { name: 'Schedules', level: 1 })).toBeVisible();
      const row = page.getByRole('table', { name: 'Schedules' }).getByRole('row', { name: /Daily report/ });
      await expect(row).toContainText(`every business day at ${later} UTC (E2E-BANK)`);
      await expect(row.locator('[data-status="active"]')).toBeVisible();
      await expect(row.locator('[data-outcome="completed"]')).toBeVisible();
      await page.keyboard.press('j');
      await expect(row).toHaveAttribute('data-selected', 'true');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'Daily report', level: 1 })).toBeVisible();
    });

    await test.step('an auditor sees the schedule, its history and the calendars, with no button that changes them', async () => {
      const { username, displayName, temporaryPassword } = AUDITOR;
      const created = await admin.call<{ changeId: string | null }>('users.create', { username, displayName, temporaryPassword, roles: ['auditor'] });
      await secondAdmin.call('changes.approve', { changeId: created.changeId });
      const auditor = await apiSession(server, AUDITOR.username, AUDITOR.temporaryPassword);
      await auditor.call('session.changePassword', { currentPassword: AUDITOR.temporaryPassword, newPassword: AUDITOR.password });
      const desk = await secondDesk(browser, server);
      try {
        await desk.page.goto('/');
        await signIn(desk.page, AUDITOR.username, AUDITOR.password);
        await desk.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Schedules', exact: true }).click();
        await expect(desk.page.getByRole('heading', { name: 'Schedules', level: 1 })).toBeVisible();
        await expect(desk.page.getByRole('link', { name: 'New schedule' })).toHaveCount(0);
        await desk.page.getByRole('table', { name: 'Schedules' }).getByRole('link', { name: 'Daily report' }).click();
        await expect(desk.page.getByRole('heading', { name: 'Daily report', level: 1 })).toBeVisible();
        await expect(desk.page.getByRole('table', { name: 'Run history' }).getByRole('row').filter({ hasText: reason })).toHaveCount(1);
        for (const action of ['Run now', 'Pause', 'Resume']) await expect(desk.page.getByRole('button', { name: action })).toHaveCount(0);
        await expect(desk.page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
        await desk.page.getByRole('link', { name: 'E2E-BANK', exact: true }).click();
        await expect(desk.page.getByRole('heading', { name: 'E2E-BANK', level: 1 })).toBeVisible();
        await expect(desk.page.getByRole('button', { name: 'Import holidays' })).toHaveCount(0);
      } finally {
        await desk.context.close();
      }
    });
  } finally {
    files.remove();
  }
});
