// 会议决定: the planning committee or the municipal government records one meeting (date, 文号, minutes) and a
// decision with an opinion for each project on the agenda; one submission completes every chosen project's step.
import { ApiError, api, askToConfirm, formatDate, h, isMeetingOfficer, messageOf, mount, startPage, typingSent } from './common.js';
import { DATE_PLACEHOLDER, isoDay, parseDay } from './dates.js';

/** The meeting's day as the API takes it (2026-07-01); what is not a day is sent as typed, for the API to name. */
function meetingDate(text) {
  const day = parseDay(text);
  return day ? isoDay(day) : (text.trim() || null);
}

const KINDS = [
  { code: 'COMMITTEE', name: '市国土空间规划委员会会议', role: 'committee' },
  { code: 'GOVERNMENT', name: '市政府常务会议', role: 'government' },
];

startPage('meetings', async (main, me) => {
  const kinds = KINDS.filter((k) => me.roles?.[k.role]);
  if (!isMeetingOfficer(me) || kinds.length === 0) {
    mount(main, h('h1', {}, '会议决定'), h('p', { class: 'alert error', role: 'alert' }, '只有规划委员会和市政府的工作人员可以登记会议决定。'));
    return;
  }
  const kind = new URLSearchParams(window.location.search).get('kind') || kinds[0].code;
  const agenda = await api(`/api/meetings/agenda?kind=${encodeURIComponent(kind)}`);
  const items = Array.isArray(agenda) ? agenda : agenda.items || [];
  const message = h('div', { class: 'alert', role: 'alert', id: 'meeting-message' });
  const rows = items.map((t) => agendaRow(t));
  // Kept over an expired login (common.js): the meeting's fields and each project's decision, by its task.
  const form = h('form', { id: 'meeting-form', novalidate: true, 'data-keep': true },
    h('div', { class: 'form-grid' },
      h('div', { class: 'field' }, h('label', { for: 'meeting-date' }, '会议日期 *'),
        // Text, not the browser's date control: that one follows the browser's language (mm/dd/yyyy in English) and
        // turned a typed 2026-12-01 into another day; this reads 2026-12-01, 2026/12/1 and 2026年12月1日.
        h('input', { type: 'text', id: 'meeting-date', name: 'date', required: true, placeholder: DATE_PLACEHOLDER, autocomplete: 'off' }), errorSlot('date')),
      h('div', { class: 'field' }, h('label', { for: 'meeting-document' }, '会议纪要文号 *'),
        h('input', { type: 'text', id: 'meeting-document', name: 'documentNumber', required: true, placeholder: '如：普规委〔2026〕5号' }), errorSlot('documentNumber')),
      h('div', { class: 'field', style: 'grid-column: 1 / -1' }, h('label', { for: 'meeting-minutes' }, '会议纪要 *'),
        h('textarea', { id: 'meeting-minutes', name: 'minutes', rows: 3 }), errorSlot('minutes'))),
    h('h2', { id: 'agenda-title' }, agendaTitle(items.length)),
    items.length === 0 ? h('p', { class: 'muted' }, '目前没有待本会议审议的项目') :
      h('div', { class: 'table-scroll' }, h('table', { id: 'agenda' },
        h('thead', {}, h('tr', {}, ['列入议程', '项目', '镇街', '审议事项', '决定', '意见'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((r) => r.row)))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'meeting-submit', disabled: items.length === 0 }, '提交会议决定')));

  mount(main, 
    h('h1', {}, '会议决定'),
    kinds.length > 1 ? h('nav', { 'aria-label': '会议类型', class: 'actions' }, kinds.map((k) =>
      h('a', { href: `/meetings?kind=${k.code}`, class: k.code === kind ? 'button' : 'button secondary', 'aria-current': k.code === kind ? 'page' : null }, k.name))) : null,
    h('section', { class: 'card', 'aria-labelledby': 'meeting-title' },
      h('h2', { id: 'meeting-title' }, KINDS.find((k) => k.code === kind)?.name || kind), message, form),
    h('section', { class: 'card', 'aria-labelledby': 'past-title' }, h('h2', { id: 'past-title' }, '已登记的会议'), h('div', { id: 'past-meetings' })));
  await loadPast(kind);

  let submitted = false;
  let confirmed = false;
  const confirmBox = h('div', { class: 'alert warning', role: 'alertdialog', id: 'confirm-ending', hidden: true });
  form.append(confirmBox);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submitted) return;
    const button = form.querySelector('#meeting-submit');
    clear(form, message);
    const chosen = rows.filter((r) => r.include.checked);
    if (chosen.length === 0) {
      message.className = 'alert error';
      message.textContent = '请至少勾选一个列入议程的项目';
      return;
    }
    const body = {
      kind,
      date: meetingDate(form.elements.namedItem('date').value),
      documentNumber: form.elements.namedItem('documentNumber').value.trim() || null,
      minutes: form.elements.namedItem('minutes').value.trim() || null,
      decisions: chosen.map((r) => ({ taskId: r.task.taskId, decision: r.decision(), opinion: r.opinion.value.trim() || null, fields: r.fields() })),
    };
    // A decision that ends a project for good (the model's endsProject) is asked about once more.
    const ending = chosen.filter((r) => r.ends() !== undefined);
    if (ending.length > 0 && !confirmed) {
      // The server's own rules first (a refusal's reason, the 文号): confirming what it would then refuse would ask twice.
      button.disabled = true;
      try {
        await api('/api/meetings/check', { method: 'POST', json: body });
      } catch (e) {
        showErrors(form, message, e, chosen);
        return;
      } finally {
        button.disabled = false;
      }
      confirmEnding(confirmBox, button, ending, () => {
        confirmed = true;
        form.requestSubmit();
      });
      return;
    }
    confirmed = false;
    confirmBox.hidden = true;
    submitted = true;
    button.disabled = true;
    button.textContent = '正在提交…';
    try {
      const meeting = await api('/api/meetings', { method: 'POST', json: body });
      message.className = 'alert success';
      message.textContent = `会议决定已登记（${chosen.length} 个项目已办结本环节）${meeting?.documentNumber ? `，文号 ${meeting.documentNumber}` : ''}。`;
      button.textContent = '已提交';
      for (const r of chosen) r.row.remove();
      typingSent(form);
      document.getElementById('agenda-title').textContent = agendaTitle(rows.length - chosen.length);
      await loadPast(kind);
    } catch (e) {
      submitted = false;
      button.disabled = false;
      button.textContent = '提交会议决定';
      showErrors(form, message, e, chosen);
    }
  });
});

/** One project on the agenda: include it or not, the decision (the options of its form), the opinion, and the
 * form's other fields the meeting does not fill itself (e.g. whether it is a major matter). */
function agendaRow(task) {
  // The ids follow the task, not the row's place: what an expired login kept goes back to the same project's row.
  const key = task.taskId;
  const options = task.options || [];
  const include = h('input', { type: 'checkbox', id: `include-${key}`, checked: true });
  const decision = choice(`decision-${key}`, `${task.projectName}：${task.decisionLabel || '决定'}`, options);
  const opinion = h('input', { type: 'text', id: `opinion-${key}`, 'aria-label': `${task.projectName}：意见`, size: 20 });
  const extras = (task.extraFields || []).map((field, k) => extraField(field, `extra-${key}-${k}`, task.projectName));
  const error = h('div', { class: 'field-error', id: `agenda-error-${key}`, hidden: true, role: 'alert' });
  const row = h('tr', { 'data-task-id': task.taskId, 'data-project-id': task.projectId },
    h('td', {}, include, h('label', { for: `include-${key}`, class: 'skip' }, `将${task.projectName}列入议程`)),
    h('td', {}, task.projectId ? h('a', { href: `/projects/${task.projectId}` }, task.projectName) : task.projectName,
      h('div', { class: 'muted' }, task.projectCode || '')),
    h('td', {}, task.townName || '—'),
    h('td', {}, task.taskName),
    h('td', {}, decision.element, extras.map((x) => x.element), error),
    h('td', {}, opinion));
  return {
    task, include, opinion, error, row,
    decision: () => decision.value(),
    // What the project's end is called when the chosen decision ends it; undefined otherwise (also when the
    // model's yes/no field endsProjectUnless is yes: a major matter's 不予通过 goes to the leading group).
    ends: () => (task.endsProjectUnless && extras.find((x) => x.key === task.endsProjectUnless)?.value() === true
      ? undefined : (task.endsProject || {})[String(decision.value())]),
    decisionText: () => options.find((o) => String(o.value) === String(decision.value()))?.label ?? String(decision.value()),
    fields: () => Object.fromEntries(extras.map((x) => [x.key, x.value()]).filter(([, v]) => v !== undefined)),
    labelOf: (key) => (task.extraFields || []).find((f) => f.key === key)?.label || key,
  };
}

/** Lists the projects the chosen decisions end for good: 确认提交 sends the meeting, 返回修改 changes nothing. */
function confirmEnding(box, button, rows, send) {
  askToConfirm(box, button, send,
    h('p', {}, '以下项目按所选决定提交后，审批即告终止，不能撤回，申请人和所在镇街将收到通知：'),
    h('ul', {}, rows.map((r) => h('li', {}, `${r.task.projectName}（${r.task.projectCode || ''}）：${r.decisionText()} → ${r.ends()}`))),
    h('p', {}, '确认提交吗？'));
}

/** A select whose values keep their JSON type (true/false stay booleans). */
function choice(id, label, options) {
  const select = h('select', { id, 'aria-label': label },
    h('option', { value: '' }, '请选择'), options.map((o, k) => h('option', { value: String(k) }, o.label)));
  return { element: select, value: () => (select.value === '' ? null : options[Number(select.value)].value) };
}

/** A control for one Camunda Form component the meeting does not fill (radio, select, checkbox, number, text). */
function extraField(field, id, projectName) {
  const label = `${projectName}：${field.label || field.key}`;
  let control;
  let value;
  if (field.type === 'radio' || field.type === 'select') {
    const c = choice(id, label, field.values || []);
    control = c.element;
    value = () => c.value() ?? undefined;
  } else if (field.type === 'checkbox') {
    control = h('input', { type: 'checkbox', id, 'aria-label': label });
    value = () => control.checked;
  } else if (field.type === 'number') {
    control = h('input', { type: 'number', step: 'any', id, 'aria-label': label });
    value = () => (control.value === '' ? undefined : Number(control.value));
  } else {
    control = h('input', { type: 'text', id, 'aria-label': label });
    value = () => (control.value.trim() === '' ? undefined : control.value.trim());
  }
  return {
    key: field.key,
    value,
    element: h('div', { class: 'extra-field' }, h('label', { for: id }, field.label || field.key, field.validate?.required ? ' *' : ''), control),
  };
}

function errorSlot(key) {
  return h('p', { class: 'field-error', id: `meeting-${key}-error`, hidden: true });
}

function clear(form, message) {
  message.className = 'alert';
  message.textContent = '';
  for (const p of form.querySelectorAll('.field-error')) { p.hidden = true; p.replaceChildren(); }
}

/** 400 names meeting fields (date, documentNumber) or an entry of the decisions sent (decisions[2].decision). */
function showErrors(form, message, e, chosen) {
  message.className = 'alert error';
  message.textContent = messageOf(e);
  if (!(e instanceof ApiError)) return;
  const unplaced = [];
  for (const { field, reason } of e.fieldErrors) {
    const entry = /^decisions\[(\d+)\]\.?(?:fields\.)?(.*)$/.exec(field || '');
    const row = entry ? chosen[Number(entry[1])] : null;
    const slot = row ? row.error : document.getElementById(`meeting-${field}-error`);
    if (!slot) { unplaced.push(`${field}：${reason}`); continue; }
    const what = !row ? '' : entry[2] === 'decision' ? '决定：' : entry[2] === 'opinion' ? '意见：'
      : entry[2] === 'taskId' || entry[2] === '' ? '' : `${row.labelOf(entry[2])}：`;
    slot.append(h('p', {}, `${what}${reason}`));
    slot.hidden = false;
  }
  if (unplaced.length) message.append(h('ul', {}, unplaced.map((u) => h('li', {}, u))));
}

function agendaTitle(count) {
  return `议程（${count} 个待审议项目）`;
}

/** The meetings of the kind shown (the committee's on its page, the government's on its own). */
async function loadPast(kind) {
  const target = document.getElementById('past-meetings');
  try {
    const meetings = await api('/api/meetings');
    const list = (Array.isArray(meetings) ? meetings : meetings.items || []).filter((m) => !m.kind || m.kind === kind);
    target.replaceChildren(list.length === 0 ? h('p', { class: 'muted' }, '尚无会议记录') :
      h('ul', {}, list.map((m) => h('li', {}, `${formatDate(m.date)} ${KINDS.find((k) => k.code === m.kind)?.name || m.kind || ''} `,
        h('strong', {}, m.documentNumber || ''), m.decisions ? ` · ${m.decisions.length} 个项目` : ''))));
  } catch (e) {
    target.replaceChildren(h('p', { class: 'muted' }, messageOf(e)));
  }
}
