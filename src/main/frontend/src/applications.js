// 我的申请: a rights holder submits an application (POST /api/projects; the API's field errors appear under the
// fields) and follows the applications submitted before, with their phase and the steps waiting.
import { ApiError, api, h, messageOf, mount, reference, startPage } from './common.js';

const NUMBER = { type: 'number', step: 'any', inputmode: 'decimal' };
/** The application's fields in the order the API reports problems (cn.gonggaigong.project.ProjectApplication). */
const FIELDS = [
  { key: 'name', label: '项目名称', input: { type: 'text', maxlength: 200, required: true } },
  { key: 'townCode', label: '所在镇（街道、农场）', options: () => reference.towns, required: true },
  { key: 'applicantName', label: '申请人（单位名称）', input: { type: 'text', maxlength: 200, required: true } },
  // The rights holder applies here; a project whose subject is the government is applied for by NRB or the town.
  { key: 'applicantType', label: '申请人类型', options: () => reference.applicantTypes.filter((o) => o.code !== 'GOVERNMENT'), required: true },
  { key: 'renovationMode', label: '改造方式', options: () => reference.renovationModes, required: true },
  { key: 'renovationType', label: '改造类型', options: () => reference.renovationTypes, required: true },
  { key: 'ownership', label: '权属情况', options: () => reference.ownerships, required: true },
  { key: 'parcelIds', label: '标图入库图斑编号（多个以逗号分隔）', input: { type: 'text', required: true }, list: true },
  { key: 'landAreaSqm', label: '用地面积（平方米）', input: { ...NUMBER, required: true }, number: true },
  { key: 'landAreaMu', label: '用地面积（亩）', input: { ...NUMBER, required: true }, number: true },
  { key: 'existingFloorArea', label: '现状建筑面积（平方米）', input: { ...NUMBER, required: true }, number: true },
  { key: 'currentPlotRatio', label: '现状容积率', input: { ...NUMBER, required: true }, number: true },
  { key: 'plannedFloorArea', label: '规划建筑面积（平方米）', input: { ...NUMBER, required: true }, number: true },
  { key: 'plannedPlotRatio', label: '规划容积率', input: { ...NUMBER, required: true }, number: true },
  { key: 'industryCategory', label: '产业类别', options: () => reference.industryCategories, required: true },
  { key: 'investment', label: '总投资（元）', input: { ...NUMBER, required: true }, number: true },
  { key: 'contiguousAreaMu', label: '连片改造面积（亩）', input: { ...NUMBER, value: '0' }, number: true },
  { key: 'planYear', label: '申请纳入的年度计划（年份）', input: { type: 'number', step: 1 }, number: true },
  { key: 'keyIndustryProject', label: '省、揭阳市或本市重点产业项目', check: true },
  { key: 'pilotProject', label: '试点项目', check: true },
  { key: 'historicalLandProcedures', label: '涉及历史用地手续完善', check: true },
  { key: 'unitPlanInForce', label: '已有改造单元详细规划', check: true },
  { key: 'unitCode', label: '改造单元编号（已有详细规划时填写）', input: { type: 'text', maxlength: 60 } },
];

startPage('applications', async (main, me) => {
  const message = h('div', { class: 'alert', role: 'alert', id: 'application-message' });
  const form = h('form', { id: 'application-form', novalidate: true, 'data-keep': true },
    h('div', { class: 'form-grid' }, FIELDS.map(control)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'application-submit' }, '提交申请')));
  const list = h('div', { id: 'my-projects' });
  mount(main, 
    h('h1', {}, '我的申请'),
    h('section', { class: 'card', 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title' }, '已提交的申请'), list),
    h('section', { class: 'card', 'aria-labelledby': 'apply-title' },
      h('h2', { id: 'apply-title' }, '提交“工改工”项目申请'),
      h('p', { class: 'muted' }, '依据《普宁市“工改工”项目实施管理办法》第六条，由权利人向所在镇（街道、农场）提出申请。'),
      message, form));
  await loadList(list);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    clearErrors(form, message);
    try {
      // A number field holding text (五千万) reads as empty: say what is wrong with it, before the server says 不能为空.
      const notNumbers = FIELDS.filter((f) => f.number && form.elements.namedItem(f.key).validity.badInput)
        .map((f) => ({ field: f.key, reason: '请填写阿拉伯数字，如 20000 或 12.5' }));
      if (notNumbers.length) throw new ApiError(400, { message: '申请材料校验未通过', errors: notNumbers });
      const created = await api('/api/projects', { method: 'POST', json: { ...read(form), applicantUserId: me.userId } });
      message.className = 'alert success';
      message.textContent = `申请已提交，项目编号 ${created.code}，请等待镇（街道、农场）办理。`;
      form.reset();
      await loadList(list);
    } catch (e) {
      showErrors(form, message, e);
    } finally {
      button.disabled = false;
    }
  });
});

function control(f) {
  const id = `app-${f.key}`;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  if (f.check) {
    return h('div', { class: 'field check' }, h('input', { type: 'checkbox', id, name: f.key }), h('label', { for: id }, f.label), error);
  }
  const input = f.options
    ? h('select', { id, name: f.key, required: f.required },
      h('option', { value: '' }, '请选择'), (f.options() || []).map((o) => h('option', { value: o.code }, o.name)))
    : h('input', { id, name: f.key, ...f.input });
  return h('div', { class: 'field' }, h('label', { for: id }, f.label, f.required || f.input?.required ? ' *' : ''), input, error);
}

function read(form) {
  const data = {};
  for (const f of FIELDS) {
    const el = form.elements.namedItem(f.key);
    if (f.check) data[f.key] = el.checked;
    else if (f.list) data[f.key] = el.value.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);
    else if (f.number) data[f.key] = el.value === '' ? null : Number(el.value);
    else data[f.key] = el.value.trim() === '' ? null : el.value.trim();
  }
  return data;
}

function clearErrors(form, message) {
  message.className = 'alert';
  message.textContent = '';
  for (const p of form.querySelectorAll('.field-error')) { p.hidden = true; p.textContent = ''; }
  for (const el of form.querySelectorAll('[aria-invalid]')) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); }
}

function showErrors(form, message, e) {
  message.className = 'alert error';
  message.textContent = e instanceof ApiError && e.fieldErrors.length ? `${messageOf(e)}：请按各项下方的提示修改后重新提交。` : messageOf(e);
  if (!(e instanceof ApiError)) return;
  const unplaced = [];
  for (const { field, reason } of e.fieldErrors) {
    const key = String(field || '').replace(/\[.*$/, '');
    const el = form.elements.namedItem(key);
    const slot = document.getElementById(`app-${key}-error`);
    if (!el || !slot) { unplaced.push(`${field}：${reason}`); continue; }
    slot.textContent = slot.textContent ? `${slot.textContent}；${reason}` : reason;
    slot.hidden = false;
    el.setAttribute('aria-invalid', 'true');
    el.setAttribute('aria-describedby', slot.id);
  }
  if (unplaced.length) message.append(h('ul', {}, unplaced.map((u) => h('li', {}, u))));
  form.querySelector('[aria-invalid]')?.focus();
}

async function loadList(target) {
  let projects;
  try {
    projects = await api('/api/my/projects');
  } catch (e) {
    target.replaceChildren(h('p', { class: 'alert error', role: 'alert' }, messageOf(e)));
    return;
  }
  target.replaceChildren(projects.length === 0 ? h('p', { class: 'muted' }, '您还没有提交申请') :
    h('div', { class: 'table-scroll' }, h('table', { id: 'my-project-table' },
      h('thead', {}, h('tr', {}, ['项目', '编号', '镇街', '当前阶段', '状态', '正在办理'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, projects.map((p) => h('tr', { 'data-project-id': p.id },
        h('td', {}, h('a', { href: `/projects/${p.id}` }, p.name)),
        h('td', {}, p.code), h('td', {}, p.townName || '—'), h('td', {}, p.phaseName || '—'),
        h('td', {}, p.statusLabel || p.status || '—'),
        h('td', {}, openSteps(p.openTasks || []) || '—')))))));
}

/** The steps open, each once, with how many where several are (出具部门意见（12项）: one for each department consulted). */
function openSteps(tasks) {
  const counts = new Map();
  tasks.forEach((t) => counts.set(t.taskName, (counts.get(t.taskName) || 0) + 1));
  return [...counts].map(([name, n]) => (n > 1 ? `${name}（${n}项）` : name)).join('、');
}
