// 我的待办: the tasks of the user and of the user's offices, filtered by phase, town, overdue and text,
// sorted by due date, paged. The filters live in the address (back and reload keep them).
import { api, deadlineBadges, filterField as field, flash, formatDateTime, h, mount, pager, person, reference, startPage } from './common.js';

const PAGE_SIZE = 20;

startPage('tasks', async (main, me) => {
  const params = new URLSearchParams(window.location.search);
  const filter = {
    phase: params.get('phase') || '',
    town: params.get('town') || '',
    overdue: params.get('overdue') === 'true',
    q: params.get('q') || '',
    page: Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0),
    size: Math.min(100, Math.max(1, Number.parseInt(params.get('size') || String(PAGE_SIZE), 10) || PAGE_SIZE)),
  };
  const notice = flash();
  const towns = me.roles?.town ? (reference.towns || []).filter((t) => t.code === me.roles.town) : reference.towns || [];
  // An applicant of no office sees only their own projects' tasks: 29 towns to choose from would be noise.
  const ownProjectsOnly = Boolean(me.roles?.applicant) && (me.offices || []).length === 0;

  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': '筛选待办', id: 'task-filters' },
    field('filter-phase', '阶段', h('select', { id: 'filter-phase', name: 'phase' },
      h('option', { value: '' }, '全部阶段'),
      (reference.phases || []).map((p) => h('option', { value: p.code, selected: p.code === filter.phase }, p.name)))),
    ownProjectsOnly ? null : field('filter-town', '镇（街道、农场）', h('select', { id: 'filter-town', name: 'town' },
      h('option', { value: '' }, towns.length === 1 ? towns[0].name : '全部镇街'),
      towns.length > 1 ? towns.map((t) => h('option', { value: t.code, selected: t.code === filter.town }, t.name)) : null)),
    h('div', { class: 'field check' },
      h('input', { type: 'checkbox', id: 'filter-overdue', name: 'overdue', value: 'true', checked: filter.overdue }),
      h('label', { for: 'filter-overdue' }, '只看已超期')),
    field('filter-q', '关键词', h('input', { id: 'filter-q', name: 'q', type: 'search', value: filter.q, placeholder: '项目名称、编号或任务名称' })),
    h('button', { type: 'submit', id: 'filter-submit' }, '查询'),
    h('a', { class: 'button secondary', href: '/tasks' }, '清除条件'));

  const result = await api(`/api/tasks?${query(filter, filter.page)}`);
  const pages = Math.max(1, Math.ceil(result.total / (result.size || filter.size)));

  mount(main, 
    h('h1', {}, '我的待办'),
    notice ? h('p', { class: 'alert success', role: 'status', id: 'flash' }, notice) : null,
    form,
    // On a narrow screen (a phone) the table scrolls sideways by itself, not the whole page with its header.
    h('div', { class: 'table-scroll' }, h('table', { id: 'task-table' },
      h('caption', {}, `共 ${result.total}${result.totalCapped ? '+' : ''} 项待办，按办理期限从近到远排列`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, '项目'), h('th', { scope: 'col' }, '镇街'), h('th', { scope: 'col' }, '阶段'),
        h('th', { scope: 'col' }, '任务'), h('th', { scope: 'col' }, '收到时间'),
        h('th', { scope: 'col', 'aria-sort': 'ascending' }, '办理期限 ↑'), h('th', { scope: 'col' }, '剩余时间'),
        h('th', { scope: 'col' }, '办理人'))),
      h('tbody', {}, result.items.length === 0
        ? h('tr', {}, h('td', { colspan: 8, class: 'muted', id: 'no-tasks' }, '没有符合条件的待办任务',
          // An applicant's work is mostly waiting on the offices: where to follow it.
          me.roles?.applicant ? ['。您提交的申请办到哪一步，请在', h('a', { href: '/my-applications' }, '我的申请'), '中查看。'] : null))
        : result.items.map((t) => h('tr', { 'data-task-id': t.taskId, 'data-project-id': t.projectId, 'data-town-code': t.townCode, class: t.overdue ? 'overdue' : null },
          h('td', {}, t.projectId ? h('a', { href: `/projects/${t.projectId}` }, t.projectName || t.projectCode) : (t.projectName || t.projectCode || '—'),
            t.projectCode ? h('div', { class: 'muted' }, t.projectCode) : null),
          h('td', {}, t.townName || '—'),
          h('td', {}, t.phaseName || '—'),
          h('td', {}, h('a', { href: `/tasks/${encodeURIComponent(t.taskId)}`, class: 'task-link' }, t.taskName)),
          h('td', {}, formatDateTime(t.receivedAt)),
          h('td', {}, formatDateTime(t.dueAt)),
          h('td', {}, deadlineBadges(t)),
          h('td', { class: 'assignee' }, t.assignee ? person((result.assigneeNames || {})[t.assignee], t.assignee)
            : h('span', { class: 'muted' }, '待签收'))))),
    )),
    pager(filter.page, pages, (page) => `/tasks?${query(filter, page)}`));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = { phase: data.get('phase'), town: data.get('town'), overdue: data.get('overdue') === 'true', q: String(data.get('q') || '').trim(), size: filter.size };
    window.location.assign(`/tasks?${query(next, 0)}`);
  });
});

function query(filter, page) {
  const q = new URLSearchParams();
  if (filter.phase) q.set('phase', filter.phase);
  if (filter.town) q.set('town', filter.town);
  if (filter.overdue) q.set('overdue', 'true');
  if (filter.q) q.set('q', filter.q);
  q.set('page', String(page));
  q.set('size', String(filter.size || PAGE_SIZE));
  return q.toString();
}
