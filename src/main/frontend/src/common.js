// Shared by every page: the JSON API client, the header (user, offices, navigation, logout), small DOM helpers
// and the Chinese labels of dates, deadlines and warning grades.
import './app.css';

/** A non-2xx answer of the API; body is the parsed {status, message, errors:[{field, reason}]} when JSON. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `请求失败（${status}）`);
    this.status = status;
    this.body = body || {};
  }

  get fieldErrors() {
    return Array.isArray(this.body.errors) ? this.body.errors : [];
  }
}

/**
 * Calls the API with the browser session. When the session has expired (401: the officer was away longer than the
 * server keeps a login), what was typed on the page is kept and the page is opened again, which asks for the login
 * and then comes back to it with the typing filled in again (keepTypedInput, restoreTypedInput).
 */
export async function api(path, { method = 'GET', json, formData, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  let body;
  if (formData) {
    body = formData;
  } else if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    // The browser's own words ("Failed to fetch") say nothing to an officer. The request may or may not have
    // reached the server: say so, rather than that nothing was done.
    throw new ApiError(0, { message: '连接服务器失败：请检查网络，刷新页面确认操作是否已完成' });
  }
  if (response.status === 401) {
    loginAgain();
    throw new ApiError(401, { message: '登录已过期，请重新登录' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = response.ok ? text : { message: text };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

const KEPT_KEY = 'ggg-kept-input';
/** Typing kept longer than this (a login abandoned, a page that then failed to open) is not filled in any more. */
const KEPT_FOR_MS = 60 * 60 * 1000;
const keepers = [];
let loggedIn = null;
let leaving = false;

/**
 * A page's own typing to keep over a new login where it is not in a field of its own (the task page's form-js form):
 * save() gives it (null for none); the page reads it back with keptOverLogin(name) as it renders.
 */
export function keepOverLogin(name, save) {
  keepers.push([name, save]);
}

function readKept() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEPT_KEY) || 'null');
    if (kept && Date.now() - kept.at < KEPT_FOR_MS) return kept;
    sessionStorage.removeItem(KEPT_KEY);
    return null;
  } catch (e) {
    return null;
  }
}

let keptUsed = false;

/** What keepOverLogin(name) kept on this page before the new login, for the same user; null otherwise. */
export function keptOverLogin(name) {
  const kept = readKept();
  const value = kept && kept.path === window.location.pathname && kept.user === loggedIn ? (kept.pages || {})[name] ?? null : null;
  if (value !== null) keptUsed = true;
  return value;
}

/** The page's fields marked data-keep (on themselves or a container), by id. */
function keptFields() {
  return [...document.querySelectorAll('main input[id], main textarea[id], main select[id]')]
    .filter((el) => el.closest('[data-keep]') && !['file', 'password', 'hidden'].includes(el.type));
}

function keepTypedInput() {
  const fields = {};
  for (const el of keptFields()) {
    fields[el.id] = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
  }
  const pages = {};
  for (const [name, save] of keepers) {
    const value = save();
    if (value !== null && value !== undefined) pages[name] = value;
  }
  sessionStorage.setItem(KEPT_KEY, JSON.stringify({ path: window.location.pathname, user: loggedIn, at: Date.now(), fields, pages }));
}

/** Whether a field differs from what the page was drawn with (or last sent, typingSent). */
function changedFromLoaded(el) {
  if (el.type === 'checkbox' || el.type === 'radio') return el.checked !== el.defaultChecked;
  if (el.tagName === 'SELECT') {
    const drawn = [...el.options].findIndex((o) => o.defaultSelected);
    return el.selectedIndex !== (drawn < 0 ? 0 : drawn);
  }
  return el.value !== el.defaultValue;
}

const unsentChecks = [];

/** A page's own test of typing not yet sent where it is not in a field of its own (the task page's form-js form). */
export function unsentTyping(check) {
  unsentChecks.push(check);
}

/** Marks what the fields in container now hold as sent: leaving the page no longer asks about it. */
export function typingSent(container) {
  for (const el of container.querySelectorAll('input, textarea, select')) {
    if (el.type === 'checkbox' || el.type === 'radio') el.defaultChecked = el.checked;
    else if (el.tagName === 'SELECT') [...el.options].forEach((o) => { o.defaultSelected = o.selected; });
    else el.defaultValue = el.value;
  }
}

/** The page's own way out once its work is sent or kept (the task list after 提交, a reload after 签收): not asked. */
export function leavePage(url) {
  leaving = true;
  if (url === undefined) window.location.reload();
  else window.location.assign(url);
}

// Leaving a page (a link, the address bar, closing the tab) with typing not yet sent asks first, in the browser's own
// words; the typing itself is not kept then.
window.addEventListener('beforeunload', (event) => {
  if (leaving) return;
  if (keptFields().some(changedFromLoaded) || unsentChecks.some((check) => check())) {
    event.preventDefault();
    // Older browsers ask only for a text set here (none shows it any more: each asks in its own words).
    event.returnValue = '填写的内容尚未提交，确定离开此页面吗？';
  }
});

/**
 * Keeps the typing and opens the page again (its address leads through the login and back); once only, however many
 * calls of the page were refused at the same time.
 */
function loginAgain() {
  if (leaving) return;
  leaving = true;
  const earlier = readKept();
  if (earlier && earlier.path === window.location.pathname && Date.now() - earlier.at < 15000) {
    // Sent back here at once: the page itself does not ask for the login, so the login page is the way.
    window.location.assign('/login');
    return;
  }
  keepTypedInput();
  window.location.assign(window.location.pathname + window.location.search);
}

/**
 * After the new login: the kept typing of this page (and of the same user) is filled in again and the officer told,
 * above the page's content, to check it before submitting.
 */
function restoreTypedInput(main) {
  const kept = readKept();
  if (!kept || kept.path !== window.location.pathname) return;
  sessionStorage.removeItem(KEPT_KEY);
  if (kept.user !== loggedIn) return;
  let restored = keptUsed;
  for (const el of keptFields()) {
    if (!(el.id in kept.fields)) continue;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = Boolean(kept.fields[el.id]);
    else el.value = kept.fields[el.id];
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    if (changedFromLoaded(el)) restored = true;
  }
  // Only what was filled in again is announced (not typing the page no longer takes: a task someone else now holds).
  if (restored) {
    main.prepend(h('p', { class: 'alert warning', role: 'status', id: 'kept-input' },
      '登录已过期，您已重新登录：刚才填写的内容已恢复，请核对后再提交。'));
  }
}

/** Builds an element: h('a', {href: '/x', class: 'y'}, 'text', child). Text is never parsed as HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Replaces the children of el (false, null and undefined children are left out). */
/** A labelled control of a list's filter form (我的待办, 项目查询). */
export function filterField(id, label, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** A list's 上一页 / 第 n / m 页 / 下一页; {@code href(page)} is the address of a page (0-based). */
export function pager(page, pages, href) {
  return h('nav', { class: 'pager', 'aria-label': '分页' },
    page > 0 ? h('a', { href: href(page - 1), rel: 'prev' }, '上一页') : null,
    h('span', { id: 'page-position' }, `第 ${page + 1} / ${pages} 页`),
    page + 1 < pages ? h('a', { href: href(page + 1), rel: 'next' }, '下一页') : null);
}

export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Reference data the server put into the page: phases, towns and the application form's options. */
export const reference = JSON.parse(document.getElementById('ggg-reference')?.textContent || '{}');

const csrf = () => ({
  param: document.querySelector('meta[name="_csrf_parameter"]')?.content,
  token: document.querySelector('meta[name="_csrf"]')?.content,
});

const NAV = [
  { page: 'tasks', href: '/tasks', label: '我的待办', show: () => true },
  // The steps one completed oneself, newest first: where to find a project one worked on again.
  { page: 'done', href: '/done', label: '我的已办', show: () => true },
  // Any project the user may read, not only those waiting on them (an applicant follows theirs in 我的申请).
  { page: 'projects', href: '/projects', label: '项目查询', show: (me) => (me.offices || []).length > 0 || Boolean(me.roles?.admin) },
  { page: 'applications', href: '/my-applications', label: '我的申请', show: (me) => me.roles?.applicant },
  { page: 'meetings', href: '/meetings', label: '会议决定', show: (me) => isMeetingOfficer(me) },
  // The city-wide dashboard (its own page), for those who may read it (MonitorAccess).
  { page: 'monitor', href: '/monitor/', label: '全市监测', show: (me) => Boolean(me.roles?.leadingGroup || me.roles?.nrb || me.roles?.admin) },
];

export function isMeetingOfficer(me) {
  return Boolean(me.roles?.committee || me.roles?.government);
}

/** Camunda's welcome page: the user's profile, where 修改密码 changes the password Camunda keeps. */
const WELCOME_PAGE = '/camunda/app/welcome/default/';

function header(me, current) {
  const { param, token } = csrf();
  const names = new Map((me.groups || []).map((g) => [g.id, g.name || g.id]));
  const offices = (me.offices || []).map((id) => names.get(id) || id).join('、');
  return h('header', { class: 'topbar' },
    h('a', { class: 'skip', href: '#main' }, '跳到正文'),
    h('span', { class: 'brand' }, '普宁市“工改工”项目审批'),
    h('nav', { 'aria-label': '主导航' },
      h('ul', {}, NAV.filter((n) => n.show(me)).map((n) =>
        h('li', {}, h('a', { href: n.href, 'aria-current': n.page === current ? 'page' : null }, n.label))),
        h('li', {}, h('a', { href: '/notifications', id: 'notifications-link', 'aria-current': current === 'notifications' ? 'page' : null },
          '消息', h('span', { class: 'badge count', id: 'unread-badge', 'aria-hidden': 'true', hidden: true }))))),
    h('div', { class: 'user' },
      h('span', { id: 'current-user', 'data-user-id': me.userId }, me.name || me.userId),
      offices ? h('span', { class: 'offices', title: '所属单位' }, `（${offices}）`) : null,
      // One's own password: on Camunda's welcome page, which keeps it in the embedded mode; on the identity provider's
      // page where Camunda does not (the Keycloak mode: /api/me's passwordPage).
      h('a', { href: me.passwordPage || WELCOME_PAGE, id: 'change-password' }, '修改密码'),
      h('form', { method: 'post', action: '/logout' },
        param ? h('input', { type: 'hidden', name: param, value: token }) : null,
        h('button', { type: 'submit', class: 'secondary', id: 'logout' }, '退出登录'))));
}

/**
 * Shows the number of unread notifications on the header's 消息 link (hidden at 0; the link's accessible name says
 * "消息（3条未读）"). Called on every page load and after marking a notification read.
 */
export async function refreshUnreadBadge() {
  const link = document.getElementById('notifications-link');
  const badge = document.getElementById('unread-badge');
  if (!link || !badge) return;
  const { unread = 0 } = (await api('/api/notifications/unread-count')) || {};
  badge.textContent = unread > 0 ? String(unread) : '';
  badge.hidden = !(unread > 0);
  link.dataset.unread = String(unread);
  const name = unread > 0 ? `消息（${unread}条未读）` : '消息';
  link.setAttribute('aria-label', name);
  link.title = unread > 0 ? name : '消息通知';
}

/**
 * Starts a page: reads who is logged in, draws the header and calls render(main, me). A failure shows its
 * Chinese message in the page instead of a blank screen.
 */
export async function startPage(current, render) {
  const main = document.getElementById('main');
  try {
    const me = await api('/api/me');
    loggedIn = me.userId;
    document.body.prepend(header(me, current));
    // the badge is no reason for the page to fail: without it the link still leads to 消息通知
    const badge = refreshUnreadBadge().catch((e) => console.warn('未读消息数读取失败', e));
    await render(main, me);
    restoreTypedInput(main);
    await badge;
  } catch (e) {
    mount(main, h('p', { class: 'alert error', role: 'alert' }, messageOf(e)));
    if (!(e instanceof ApiError)) console.error(e);
  } finally {
    document.body.dataset.ready = 'true';
  }
}

export function messageOf(e) {
  if (e instanceof ApiError) {
    if (e.status === 403) return e.body.message || '无权访问';
    if (e.status === 404) return e.body.message || '没有找到';
    return e.body.message || e.message;
  }
  return `页面出错：${e.message}`;
}

/**
 * The API's message with each field's reason after it (for a place that has no field to put them under); a reason the
 * message already says is left out (意见内容不能为空, not 意见内容不能为空：必填).
 */
export function messageWithReasons(e) {
  const message = messageOf(e);
  const said = (reason) => message.includes(reason) || (reason === '必填' && message.includes('不能为空'));
  return [message, ...(e.fieldErrors || []).map((f) => f.reason).filter((r) => r && !said(r))].join('：');
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The parts of a time in China: year, month, day, hour, minute (two digits each but the year). */
function chinaParts(iso) {
  return Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/**
 * A time as 2026-12-06 20:30 (China time): written as the dates are everywhere else (the forms' 2026-03-01, the
 * survey's and the agreement's dates), not Intl's 2026/12/06 beside them.
 */
export function formatDateTime(iso) {
  if (!iso) return '—';
  const p = chinaParts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function formatDate(iso) {
  if (!iso) return '—';
  const p = chinaParts(iso);
  return `${p.year}-${p.month}-${p.day}`;
}

export const GRADES = {
  YELLOW: { label: '黄牌', css: 'yellow' },
  RED: { label: '红牌', css: 'red' },
  ESCALATED: { label: '已升级督办', css: 'escalated' },
  URGE: { label: '督办', css: 'yellow' },
};

/** Days left and the warning grade of a task as badges. */
export function deadlineBadges(task) {
  const badges = [];
  if (task.dueAt == null) {
    badges.push(h('span', { class: 'muted' }, '无期限'));
  } else if (task.overdue) {
    const late = Math.abs(task.workingDaysLeft ?? 0);
    badges.push(h('span', { class: 'badge overdue' }, late > 0 ? `已超期 ${late} 个工作日` : '已超期'));
  } else if (task.workingDaysLeft != null) {
    badges.push(h('span', { class: task.workingDaysLeft <= 2 ? 'badge yellow' : 'badge ok' }, `剩余 ${task.workingDaysLeft} 个工作日`));
  }
  if (task.dueProvisional) {
    badges.push(' ', h('span', { class: 'badge provisional', 'data-due-provisional': 'true',
      title: '该年度节假日安排尚未发布，期限按周末和法定节假日推算（未含调休），发布后以正式安排为准' }, '期限暂估'));
  }
  const grade = GRADES[task.warningGrade];
  if (grade) {
    badges.push(' ', h('span', { class: `badge ${grade.css}`, 'data-warning': task.warningGrade, title: '预警' }, `⚠ ${grade.label}`));
  }
  if (task.suspended) {
    badges.push(' ', h('span', { class: 'badge overdue', 'data-suspended': 'true',
      title: '该项目的审批流程已被系统管理员挂起（暂停），恢复前不能签收或办理' }, '已挂起'));
  }
  if (task.urged) {
    badges.push(' ', h('span', { class: 'badge yellow', 'data-urged': 'true',
      title: '领导小组、领导小组办公室或市自然资源局已催办：请尽快办理，并在“消息”中回告' }, '被催办'));
  }
  return badges;
}

/** A user as people read them: 占陇镇经办员（zhanlong1）; the id alone when no other name is known. */
export function person(name, userId) {
  return name && name !== userId ? `${name}（${userId}）` : userId;
}

/** A one-time message carried to the next page (e.g. "submitted" back on the task list). */
export function flash(message) {
  if (message === undefined) {
    const text = sessionStorage.getItem('ggg-flash');
    sessionStorage.removeItem('ggg-flash');
    return text;
  }
  sessionStorage.setItem('ggg-flash', message);
  return message;
}

export function phaseName(code) {
  return (reference.phases || []).find((p) => p.code === code)?.name || code || '—';
}

/**
 * Asks once more, in box (an alertdialog under the form), before something that cannot be taken back: 确认提交 calls
 * send, 返回修改 hides the box and gives the form's button back. The button waits while the box is open.
 */
export function askToConfirm(box, button, send, ...content) {
  const yes = h('button', { type: 'button', id: 'confirm-submit' }, '确认提交');
  const no = h('button', { type: 'button', class: 'secondary', id: 'cancel-submit' }, '返回修改');
  yes.addEventListener('click', send);
  no.addEventListener('click', () => {
    box.hidden = true;
    button.disabled = false;
    button.focus();
  });
  mount(box, ...content, h('div', { class: 'actions' }, yes, no));
  box.hidden = false;
  button.disabled = true;
  yes.focus();
}
