/*
 * Officers see a task's deadline, follow-up date, candidate groups and assignee in Tasklist, but changing them is the
 * administrators' (SecurityConfiguration.TASK_CHANGES refuses an officer's request with the reason): the deadline is
 * the statutory clock's, and a task is handed on from the task page. This marks the page of a user who is not an
 * administrator (html.ggg-officer; an administrator's html.ggg-administrator), and styles/user-styles.css then hides
 * those controls, so that nobody is offered what will be refused. Loaded by config.js (customScripts), and by the
 * welcome page's and Cockpit's (whose styles hide Camunda's migration banner from officers, as Tasklist's do). Should the check
 * fail, the controls stay and the server still refuses.
 */
const ADMINS = 'admins';
const OFFICER = 'ggg-officer';
const ADMINISTRATOR = 'ggg-administrator';

const base = document.querySelector('base');
const appRoot = base ? base.getAttribute('app-root') : '/camunda';

async function json(path) {
  const response = await fetch(appRoot + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  return response.ok ? response.json() : null;
}

async function markOfficer() {
  const user = await json('/api/admin/auth/user/default');
  if (!user || !user.userId) {
    return;
  }
  const groups = await json('/api/engine/engine/default/group?member=' + encodeURIComponent(user.userId)
      + '&id=' + encodeURIComponent(ADMINS));
  if (Array.isArray(groups)) {
    document.documentElement.classList.add(groups.length === 0 ? OFFICER : ADMINISTRATOR);
  }
}

markOfficer().catch(error => console.error('工改工：未能读取当前用户的用户组', error));
