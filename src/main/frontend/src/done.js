// 我的已办: the steps the user completed, newest first, with the project (or plan or unit) each was about, what it
// decided, its document number and opinion; found by a word, paged. The filter lives in the address.
import { api, filterField as field, formatDateTime, h, mount, pager, startPage } from './common.js';

const PAGE_SIZE = 20;
const OPINION_SHOWN = 60;

startPage('done', async (main) => {
  const params = new URLSearchParams(window.location.search);
  const filter = {
    q: params.get('q') || '',
    page: Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0),
  };
  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': '查询已办', id: 'done-filters' },
    field('filter-q', '关键词', h('input', { id: 'filter-q', name: 'q', type: 'search', value: filter.q,
      placeholder: '项目名称、编号或事项名称' })),
    h('button', { type: 'submit', id: 'filter-submit' }, '查询'),
    h('a', { class: 'button secondary', href: '/done' }, '清除条件'));

  const result = await api(`/api/tasks/done?${query(filter, filter.page)}`);
  const pages = Math.max(1, Math.ceil(result.total / result.size));

  mount(main,
    h('h1', {}, '我的已办'),
    form,
    h('div', { class: 'table-scroll' }, h('table', { id: 'done-table' },
      h('caption', {}, `共 ${result.total}${result.totalCapped ? '+' : ''} 项本人办结的事项，按办结时间从新到旧排列`),
      h('thead', {}, h('tr', {}, ['办结时间', '项目', '镇街', '事项', '办理结果', '文号', '办理意见']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, result.items.length === 0
        ? h('tr', {}, h('td', { colspan: 7, class: 'muted', id: 'no-done' },
          filter.q ? '没有符合条件的已办事项' : '您还没有办结过事项'))
        : result.items.map((d) => h('tr', { 'data-decision-id': d.id, 'data-project-id': d.projectId },
          h('td', {}, formatDateTime(d.doneAt)),
          h('td', {}, d.projectId
            ? [h('a', { href: `/projects/${d.projectId}` }, d.projectName), h('div', { class: 'muted' }, d.projectCode)]
            : (d.subject || '—')),
          h('td', {}, d.townName || '—'),
          h('td', {}, d.taskName),
          h('td', {}, d.outcomeLabel || '—'),
          h('td', {}, d.documentNumber || '—'),
          h('td', { class: 'opinion', title: d.opinion && d.opinion.length > OPINION_SHOWN ? d.opinion : null },
            d.opinion ? shorten(d.opinion) : '—')))))),
    pager(filter.page, pages, (page) => `/done?${query(filter, page)}`));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = String(new FormData(form).get('q') || '').trim();
    window.location.assign(`/done?${query({ q }, 0)}`);
  });
});

function shorten(text) {
  return text.length > OPINION_SHOWN ? `${text.slice(0, OPINION_SHOWN)}…` : text;
}

function query(filter, page) {
  const q = new URLSearchParams();
  if (filter.q) q.set('q', filter.q);
  q.set('page', String(page));
  q.set('size', String(PAGE_SIZE));
  return q.toString();
}
