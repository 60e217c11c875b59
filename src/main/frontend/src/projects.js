// 项目查询: the projects the user may read (a town its own, the city's offices all, an applicant theirs), found by a
// word of the name, code or applicant and filtered by town, phase and status, newest first, paged; each leads to its
// 项目详情. The filters live in the address (back and reload keep them); 导出台账 downloads every project they find.
import { api, filterField as field, formatDateTime, h, mount, pager, reference, startPage } from './common.js';

const PAGE_SIZE = 20;

startPage('projects', async (main, me) => {
  const params = new URLSearchParams(window.location.search);
  const filter = {
    q: params.get('q') || '',
    town: params.get('town') || '',
    phase: params.get('phase') || '',
    status: params.get('status') || '',
    page: Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0),
  };
  const towns = me.roles?.town ? (reference.towns || []).filter((t) => t.code === me.roles.town) : reference.towns || [];
  const options = (list, chosen, all) => [h('option', { value: '' }, all),
    (list || []).map((o) => h('option', { value: o.code, selected: o.code === chosen }, o.name))];

  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': '查询项目', id: 'project-filters' },
    field('filter-q', '关键词', h('input', { id: 'filter-q', name: 'q', type: 'search', value: filter.q,
      placeholder: '项目名称、编号或申请人' })),
    field('filter-town', '镇（街道、农场）', h('select', { id: 'filter-town', name: 'town' },
      towns.length === 1 ? h('option', { value: '' }, towns[0].name) : options(towns, filter.town, '全部镇街'))),
    field('filter-phase', '阶段', h('select', { id: 'filter-phase', name: 'phase' }, options(reference.phases, filter.phase, '全部阶段'))),
    field('filter-status', '状态', h('select', { id: 'filter-status', name: 'status' }, options(reference.statuses, filter.status, '全部状态'))),
    h('button', { type: 'submit', id: 'filter-submit' }, '查询'),
    h('a', { class: 'button secondary', href: '/projects' }, '清除条件'),
    // 项目台账: every project these filters find (not only this page), as an Excel workbook.
    h('a', { class: 'button secondary', id: 'export-ledger', href: `/api/projects/ledger.xlsx?${filters(filter)}`,
      download: '', title: '按当前查询条件导出全部项目（不限本页）' }, '导出台账（Excel）'));

  const result = await api(`/api/projects?${query(filter, filter.page)}`);
  const pages = Math.max(1, result.totalPages);
  const name = (list, code) => (reference[list] || []).find((o) => o.code === code)?.name ?? code;

  mount(main,
    h('h1', {}, '项目查询'),
    form,
    h('div', { class: 'table-scroll' }, h('table', { id: 'project-table' },
      h('caption', {}, `共 ${result.totalElements} 个项目，按申请时间从新到旧排列`),
      h('thead', {}, h('tr', {}, ['项目', '镇街', '申请人', '阶段', '状态', '申请时间']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, result.content.length === 0
        ? h('tr', {}, h('td', { colspan: 6, class: 'muted', id: 'no-projects' }, '没有符合条件的项目'))
        : result.content.map((p) => h('tr', { 'data-project-id': p.id },
          h('td', {}, h('a', { href: `/projects/${p.id}` }, p.name), h('div', { class: 'muted' }, p.code)),
          h('td', {}, p.townName || '—'),
          h('td', {}, p.applicantName || '—'),
          h('td', {}, p.phase ? name('phases', p.phase) : '—'),
          h('td', {}, name('statuses', p.status)),
          h('td', {}, formatDateTime(p.createdAt))))))),
    pager(filter.page, pages, (page) => `/projects?${query(filter, page)}`));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = { q: String(data.get('q') || '').trim(), town: data.get('town'), phase: data.get('phase'),
      status: data.get('status') };
    window.location.assign(`/projects?${query(next, 0)}`);
  });
});

function filters(filter) {
  const q = new URLSearchParams();
  ['q', 'town', 'phase', 'status'].forEach((key) => { if (filter[key]) q.set(key, filter[key]); });
  return q;
}

function query(filter, page) {
  const q = filters(filter);
  q.set('page', String(page));
  q.set('size', String(PAGE_SIZE));
  return q.toString();
}
