/*
 * Officers see a task's deadline, follow-up date, candidate groups and assignee in Tasklist, but changing them is the
 * administrators' (SecurityConfiguration.TASK_CHANGES refuses an officer's request with the reason): the deadline is
 * the statutory clock's, and a task is handed on from the task page. This marks the page of a user who is not an
 * administrator (html.ggg-officer; an administrator's html.ggg-administrator), and styles/user-styles.css then hides
 * those controls, so that nobody is offered what will be refused. Loaded by config.js (customScripts), and by the
 * welcome page's and Cockpit's (whose styles hide Camunda's migration banner from officers, as Tasklist's do). Should the check
 * fail, the controls stay and the server still refuses.
 *
 * Where Camunda does not keep the passwords (the Keycloak mode: /api/me names the identity provider's passwordPage),
 * the page is marked html.ggg-external-identity: the welcome page's styles hide its 编辑个人资料 and 修改密码, which the
 * read-only identity service would refuse, and its profile offers 修改密码 on the provider's page instead.
 *
 * Camunda's own login form is never where people log in here (the product's login page, or Keycloak's, is). The webapps
 * show it after their 注销, which ends the session (SecurityConfiguration.CAMUNDA_LOGOUT): the page is then loaded
 * again, and the server leads it to the product's login, back here after it. Admin loads this script for that alone.
 */
const ADMINS = 'admins';
const OFFICER = 'ggg-officer';
const ADMINISTRATOR = 'ggg-administrator';
const EXTERNAL_IDENTITY = 'ggg-external-identity';
const PASSWORD_PAGE = 'ggg-password-page';

const base = document.querySelector('base');
const appRoot = base ? base.getAttribute('app-root') : '/camunda';

async function json(path, root = appRoot) {
  const response = await fetch(root + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
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

/** Adds 修改密码 on the identity provider's page to each profile's links the welcome page draws (again after a form). */
function offerPasswordPage(href) {
  const add = () => document.querySelectorAll('.user-profile .action-links').forEach(links => {
    if (!links.querySelector('.' + PASSWORD_PAGE)) {
      const item = document.createElement('li');
      item.className = PASSWORD_PAGE;
      const link = document.createElement('a');
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = '修改密码';
      link.title = '账号和密码由统一身份认证系统管理，在其账户页面修改';
      item.appendChild(link);
      links.appendChild(item);
    }
  });
  add();
  new MutationObserver(add).observe(document.body, {childList: true, subtree: true});
}

/** On the welcome page (the only one with a profile): asks the product where passwords are changed. */
async function markIdentity() {
  if (!location.pathname.includes('/app/welcome/')) {
    return;
  }
  // The product's own API, beside Camunda's webapps (the welcome page links to '/' and '/monitor/' the same way).
  const me = await json('/api/me', '');
  if (me && me.passwordPage) {
    document.documentElement.classList.add(EXTERNAL_IDENTITY);
    offerPasswordPage(me.passwordPage);
  }
}

function leaveCamundasLoginForm() {
  if (/^#!?\/login/.test(location.hash)) {
    location.replace(location.pathname);
  }
}

window.addEventListener('hashchange', leaveCamundasLoginForm);
leaveCamundasLoginForm();

markOfficer().catch(error => console.error('工改工：未能读取当前用户的用户组', error));
markIdentity().catch(error => console.error('工改工：未能读取当前用户的账号信息', error));
