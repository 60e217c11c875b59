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

/*
 * Camunda Forms in Tasklist are drawn by form-js, whose own field checks speak English ("Field must have maximum value
 * of 100."). They are said in Chinese here, in the words of the server's own checks (FormValidator), as each message
 * appears: form-js writes it into the text node of an item of .fjs-form-field-error, and writes that node again when
 * the message changes, so the node's text is replaced in place (its element stays form-js's).
 */
const FORM_MESSAGES = [
  [/^Field is required\.$/, () => '必填'],
  [/^Field must have minimum length of (\d+)\.$/, n => `长度不能少于${n}个字符`],
  [/^Field must have maximum length of (\d+)\.$/, n => `长度不能超过${n}个字符`],
  [/^Field must have minimum value of (.+)\.$/, n => `不能小于${n}`],
  [/^Field must have maximum value of (.+)\.$/, n => `不能大于${n}`],
  [/^Field must match pattern .*\.$/, () => '格式不正确'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的电话号码（含国际区号，如 +8613800000000）'],
  [/^Value is not a number\.$/, () => '必须是数字'],
  [/^Value is expected to be an integer\.$/, () => '必须是整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, n => `最多保留${n}位小数`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `须按规定的间隔取值，最接近的有效值为 ${a} 和 ${b}`],
  [/^Date and time must both be entered\.$/, () => '日期和时间都须填写']
];

function inChinese(text) {
  for (const [pattern, say] of FORM_MESSAGES) {
    const match = pattern.exec(text.trim());
    if (match) {
      return say(...match.slice(1));
    }
  }
  return null;
}

function translateFormMessages(root) {
  const errors = root.nodeType === Node.ELEMENT_NODE && root.closest('.fjs-form-field-error') ? [root]
    : root.querySelectorAll ? root.querySelectorAll('.fjs-form-field-error') : [];
  errors.forEach(error => {
    const texts = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const said = inChinese(node.data);
      if (said !== null) {
        node.data = said;
      }
    }
  });
}

function sayFormMessagesInChinese() {
  translateFormMessages(document.body);
  new MutationObserver(changes => changes.forEach(change => {
    const target = change.type === 'characterData' ? change.target.parentElement : change.target;
    if (target && target.closest && target.closest('.fjs-form-field-error')) {
      translateFormMessages(target.closest('.fjs-form-field-error'));
    } else {
      change.addedNodes.forEach(node => node.nodeType === Node.ELEMENT_NODE && translateFormMessages(node));
    }
  })).observe(document.body, {childList: true, subtree: true, characterData: true});
}

/*
 * Tasklist names a task by its name and process alone ("摸查改造意愿", "申请纳入年度实施计划"): an officer with ten
 * projects in the list could not tell them apart. Each card of the list and the opened task's header are given the
 * project, its town, phase and code, asked of the product's /api/tasks/context once per task (the tasks the user may
 * read; a task without a project, such as the annual plan's, gets nothing).
 */
const PROJECT = 'ggg-project';
const projectOfTask = new Map();
let asking = false;

function taskIdIn(href) {
  const match = /[?&#]task=([^&]+)/.exec(href || '');
  return match ? decodeURIComponent(match[1]) : null;
}

function projectLine(item) {
  return item && item.projectName
    ? `${item.projectName}（${item.projectCode}）· ${item.townName}` + (item.phaseName ? ` · ${item.phaseName}` : '')
    : null;
}

function show(container, tag, taskId) {
  const line = projectLine(projectOfTask.get(taskId));
  let shown = container.querySelector(':scope > .' + PROJECT);
  if (!line) {
    if (shown) {
      shown.remove();
    }
    return;
  }
  if (!shown) {
    shown = document.createElement(tag);
    shown.className = PROJECT;
    container.appendChild(shown);
  }
  if (shown.textContent !== '项目：' + line) {
    shown.textContent = '项目：' + line;
    shown.title = '该任务所属的工改工项目';
  }
}

function showProjects() {
  const cards = [...document.querySelectorAll('.tasks-list li.task')]
    .map(card => [card.querySelector('.names'), taskIdIn(card.querySelector('h4.task a')?.getAttribute('href'))])
    .filter(([names, id]) => names && id);
  const header = document.querySelector('.task-card .names');
  const opened = taskIdIn(location.hash);
  const wanted = cards.map(([, id]) => id).concat(header && opened ? [opened] : []);
  const unknown = [...new Set(wanted.filter(id => !projectOfTask.has(id)))];
  if (unknown.length && !asking) {
    asking = true;
    json('/api/tasks/context?ids=' + encodeURIComponent(unknown.slice(0, 100).join(',')), '')
      .then(items => (items || []).forEach(item => projectOfTask.set(item.taskId, item)))
      .catch(error => console.error('工改工：未能读取任务所属的项目', error))
      .finally(() => {
        // Asked once: a task not answered for (closed, not the user's, or the call failed) shows no project.
        unknown.slice(0, 100).filter(id => !projectOfTask.has(id)).forEach(id => projectOfTask.set(id, null));
        asking = false;
        showProjects();
      });
  }
  cards.forEach(([names, id]) => show(names, 'h6', id));
  if (header && opened) {
    show(header, 'h4', opened);
  }
}

function showProjectsOfTasks() {
  let pending = null;
  const soon = () => {
    if (!pending) {
      pending = setTimeout(() => {
        pending = null;
        showProjects();
      }, 100);
    }
  };
  new MutationObserver(soon).observe(document.body, {childList: true, subtree: true});
  window.addEventListener('hashchange', soon);
  soon();
}

/*
 * In the Keycloak mode the login is Keycloak's page, and the address's place after # (Tasklist's #/?task=…) does not
 * come back from it: the application's login page (pages/login-keycloak.html) kept it in this tab's session storage
 * with the page it belongs to. When that page opens, within half an hour, it is put back, once.
 */
const PLACE_AFTER_LOGIN = 'ggg.placeAfterLogin';

function returnToThePlaceAfterLogin() {
  let place = null;
  try {
    place = JSON.parse(sessionStorage.getItem(PLACE_AFTER_LOGIN));
    sessionStorage.removeItem(PLACE_AFTER_LOGIN);
  } catch (error) {
    return;
  }
  if (place && place.path === location.pathname && typeof place.hash === 'string' && place.hash.startsWith('#')
      && Date.now() - place.at < 30 * 60 * 1000 && location.hash !== place.hash) {
    location.replace(location.pathname + location.search + place.hash);
  }
}

const CAMUNDAS_LOGIN = /^#!?\/login/;

/*
 * Camunda goes to its login form when the session has ended under an open page (its next call answered 401), often
 * right after the officer opened a task there, or a link to one in the same tab: that place (the address before
 * #/login) is kept for after the login, as the login page keeps a link's (returnToThePlaceAfterLogin). Not after
 * Camunda's 注销, whose next login may be another person's.
 */
let loggingOut = false;

function leaveCamundasLoginForm(event) {
  if (CAMUNDAS_LOGIN.test(location.hash)) {
    const before = event && event.oldURL ? new URL(event.oldURL) : null;
    if (!loggingOut && before && before.pathname === location.pathname) {
      keepThePlaceForAfterTheLogin(before.hash);
    }
    location.replace(location.pathname);
  }
}

function keepThePlaceForAfterTheLogin(hash) {
  if (hash.length > 1 && !CAMUNDAS_LOGIN.test(hash)) {
    try {
      sessionStorage.setItem(PLACE_AFTER_LOGIN, JSON.stringify({path: location.pathname, hash: hash, at: Date.now()}));
    } catch (error) {
      // No session storage: the login still works, the page opens at its start.
    }
  }
}

document.addEventListener('click', event => {
  if (event.target instanceof Element && event.target.closest('li.logout')) {
    loggingOut = true;
  }
}, true);

window.addEventListener('hashchange', leaveCamundasLoginForm);
leaveCamundasLoginForm();
returnToThePlaceAfterLogin();

if (location.pathname.includes('/app/tasklist/')) {
  sayFormMessagesInChinese();
  showProjectsOfTasks();
}

markOfficer().catch(error => console.error('工改工：未能读取当前用户的用户组', error));
markIdentity().catch(error => console.error('工改工：未能读取当前用户的账号信息', error));
