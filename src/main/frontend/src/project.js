// 项目详情: the project's figures, its timeline (who, when, decision, 文号, opinion), its open tasks, its
// attachments (list, download, upload, 作废 by the uploader) and its diagrams (the lifecycle and the current phase) drawn by bpmn-js,
// the current steps highlighted and the completed ones marked.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { ApiError, api, deadlineBadges, flash, formatDateTime, h, leavePage, messageOf, messageWithReasons, mount, person, reference, startPage } from './common.js';

const projectId = window.location.pathname.split('/').filter(Boolean)[1];

/** The project's figures (cn.gonggaigong.project.ProjectViews.ProjectDetails) with their Chinese labels. */
const FIGURES = [
  ['项目编号', (p) => p.code], ['项目名称', (p) => p.name], ['所在镇街', (p) => p.town?.name],
  ['申请人', (p) => p.applicantName], ['申请人类型', (p) => label('applicantTypes', p.applicantType)],
  // The subject NRB confirmed (出具改造主体确认), who signs the agreement and is paid the subsidy; shown once confirmed.
  ['改造主体', (p) => p.confirmedSubject],
  ['当前阶段', (p) => p.phaseLabel], ['状态', (p) => label('statuses', p.status)],
  ['改造方式', (p) => label('renovationModes', p.renovationMode)], ['改造类型', (p) => label('renovationTypes', p.renovationType)],
  ['权属情况', (p) => label('ownerships', p.ownership)], ['产业类别', (p) => label('industryCategories', p.industryCategory)],
  ['标图入库图斑', (p) => (p.parcelIds || []).join('、')], ['申请时用地面积（平方米）', (p) => p.landAreaSqm],
  ['申请时用地面积（亩）', (p) => p.landAreaMu], ['申请时现状建筑面积（平方米）', (p) => p.existingFloorArea],
  ['申请时现状容积率', (p) => p.currentPlotRatio],
  // The town's survey (调查基础数据), beside what the application declared.
  ['调查核实日期', (p) => p.survey?.surveyDate], ['调查核实图斑', (p) => p.survey?.parcelIds],
  ['调查核实用地面积（平方米）', (p) => p.survey?.landAreaSqm], ['调查核实用地面积（亩）', (p) => p.survey?.landAreaMu],
  ['调查核实现状建筑面积（平方米）', (p) => p.survey?.existingFloorArea], ['调查核实现状容积率', (p) => p.survey?.currentPlotRatio],
  ['申请时规划建筑面积（平方米）', (p) => p.plannedFloorArea],
  ['申请时规划容积率', (p) => p.plannedPlotRatio], ['总投资（元）', (p) => p.investment],
  ['重点产业项目', (p) => p.keyIndustryProject], ['试点项目', (p) => p.pilotProject],
  ['连片改造面积（亩）', (p) => p.contiguousAreaMu], ['涉及历史用地手续', (p) => p.historicalLandProcedures],
  ['政府为改造主体', (p) => p.governmentSubject], ['年度实施计划', (p) => (p.annualPlanYear
    ? (p.annualPlanApproved ? `${p.annualPlanYear}年度` : `${p.annualPlanYear}年度（计划编制中，经市政府批准后纳入）`)
    : `申请纳入${p.planYear}年度（尚未纳入；随报随审的项目不纳入）`)],
  ['改造单元', (p) => p.unitCode], ['土地出让价款（元）', (p) => p.landPrice], ['地价计收依据', (p) => p.landPriceBasis], ['改造补贴（元）', (p) => p.subsidyAmount],
  ['补贴依据', (p) => p.subsidyBasis], ['申请时间', (p) => p.createdAt],
];

/** A part of the address as typed (%E5%... decoded), or as it is where it does not decode. */
function readable(part) {
  try {
    return decodeURIComponent(part);
  } catch (e) {
    return part;
  }
}

function groupName(id) {
  return label('groups', id);
}

function label(list, code) {
  return (reference[list] || []).find((o) => o.code === code)?.name ?? code;
}

startPage(null, async (main) => {
  if (!/^\d{1,18}$/.test(projectId || '')) {
    // Not an address the product makes (/projects/123): said so, not the API's 请求参数格式不正确.
    mount(main, h('h1', {}, '项目详情'), h('p', { class: 'alert error', role: 'alert', id: 'project-error' },
      `项目地址不正确：“${readable(projectId || '')}”不是项目序号，请从待办或项目列表进入。`));
    return;
  }
  const overview = await api(`/api/projects/${encodeURIComponent(projectId)}/overview`);
  const project = overview.project || {};
  document.title = `${project.name || '项目'} - 项目详情`;
  const attachmentList = h('div', { id: 'attachments' });
  const said = flash();
  mount(main, 
    h('h1', {}, project.name || `项目 ${projectId}`),
    said ? h('p', { class: 'alert success', role: 'status', id: 'flash' }, said) : null,
    // Suspended by an administrator (挂起 in Cockpit): why nothing moves, and that no deadline runs meanwhile.
    overview.suspendedSince ? h('p', { class: 'alert warning', role: 'status', id: 'project-suspended' },
      `本项目审批流程已于 ${formatDateTime(overview.suspendedSince)} 被系统管理员挂起（暂停）：恢复前各环节不能签收或办理，`
      + '挂起期间不计入办理时限。') : null,
    h('section', { class: 'card', 'aria-labelledby': 'figures-title' },
      h('h2', { id: 'figures-title' }, '项目概况'), figures(project)),
    overview.scheme ? h('section', { class: 'card', 'aria-labelledby': 'scheme-title' },
      h('h2', { id: 'scheme-title' }, '现行改造方案'),
      h('ul', { class: 'plain', id: 'scheme-figures' }, overview.scheme.split('\n').map((line) => h('li', {}, line)))) : null,
    (overview.milestones || []).length ? h('section', { class: 'card', 'aria-labelledby': 'milestones-title' },
      h('h2', { id: 'milestones-title' }, '监管协议履约情况'), h('div', { class: 'table-scroll' }, milestones(overview.milestones))) : null,
    h('section', { class: 'card', 'aria-labelledby': 'open-title' },
      h('h2', { id: 'open-title' }, '当前待办'),
      h('div', { class: 'table-scroll' }, openTasks(overview.openTasks || [], overview.assigneeNames || {}))),
    overview.withdrawable ? withdrawal(project) : null,
    overview.withdrawalInstead ? h('p', { class: 'muted', id: 'withdrawal-instead' }, `撤回申请：${overview.withdrawalInstead}。`) : null,
    h('section', { class: 'card', 'aria-labelledby': 'diagram-title' },
      h('h2', { id: 'diagram-title' }, '流程图'),
      h('p', { class: 'legend' }, h('span', { class: 'current' }, '当前环节'), h('span', { class: 'done' }, '已完成环节')),
      h('div', { id: 'diagrams' })),
    h('section', { class: 'card', 'aria-labelledby': 'timeline-title' },
      h('h2', { id: 'timeline-title' }, '办理过程'), timeline(overview.timeline || [])),
    h('section', { class: 'card', 'aria-labelledby': 'attachments-title' },
      h('h2', { id: 'attachments-title' }, '申报材料及附件'), attachmentList,
      // Those who may not add to the materials (an ended project, an office with nothing of it to do) are told why.
      overview.uploadRefusal ? h('p', { class: 'muted', id: 'upload-refusal' }, `${overview.uploadRefusal}。`)
        : uploadForm(() => loadAttachments(attachmentList))));
  await Promise.all([loadAttachments(attachmentList), drawDiagrams(overview.diagrams || [])]);
});

/**
 * 撤回申请, for the applicant while the scheme is not yet approved: the reason, then 撤回申请 asks once more (it cannot be
 * undone); nothing is sent until 确认撤回.
 */
function withdrawal(project) {
  const reason = h('textarea', { id: 'withdrawal-reason', rows: 3, maxlength: 500 });
  const error = h('p', { class: 'alert', role: 'status', id: 'withdrawal-error' });
  const button = h('button', { type: 'button', class: 'secondary', id: 'withdraw-project' }, '撤回申请');
  const box = h('div', { class: 'alert warning', role: 'alertdialog', id: 'confirm-withdrawal', hidden: true });
  button.addEventListener('click', () => {
    error.className = 'alert';
    error.textContent = '';
    if (!reason.value.trim()) {
      error.className = 'alert error';
      error.textContent = '请写明撤回的原因';
      reason.focus();
      return;
    }
    const yes = h('button', { type: 'button', id: 'confirm-withdraw-project' }, '确认撤回');
    const no = h('button', { type: 'button', class: 'secondary', id: 'cancel-withdraw-project' }, '返回');
    no.addEventListener('click', () => { box.hidden = true; button.disabled = false; button.focus(); });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await api(`/api/projects/${encodeURIComponent(projectId)}/withdrawal`, { method: 'POST', json: { reason: reason.value } });
        flash(`已撤回申请：${project.name || ''}（${project.code || ''}），项目终止，有关单位已收到通知。`);
        leavePage();
      } catch (e) {
        box.hidden = true;
        button.disabled = false;
        error.className = 'alert error';
        error.textContent = messageWithReasons(e);
      }
    });
    mount(box, h('p', {}, `撤回后本项目的审批即告终止，各环节的待办一并撤销，不能恢复；如需再改造，须重新申请。确认撤回“${project.name || ''}”的申请吗？`),
      h('div', { class: 'actions' }, yes, no));
    box.hidden = false;
    button.disabled = true;
    yes.focus();
  });
  return h('section', { class: 'card', 'aria-labelledby': 'withdrawal-title', id: 'withdrawal' },
    h('h2', { id: 'withdrawal-title' }, '撤回申请'),
    h('p', { class: 'muted' }, '改造方案获市政府批准前，申请人可以撤回申请；批准后如需终止，请书面向所在镇街提出。'),
    h('div', { class: 'field stacked' }, h('label', { for: 'withdrawal-reason' }, '撤回原因 *'), reason),
    error, h('div', { class: 'actions' }, button), box);
}

const MILESTONE_BADGE = { 按期完成: 'badge ok', 逾期后完成: 'badge red', 已逾期: 'badge red' };

/** The monitoring agreement's deadlines (Art. 13) and how each stands; a late one with the town's explanation. */
function milestones(list) {
  return h('table', { id: 'milestones' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '约定事项'), h('th', { scope: 'col' }, '时限'),
      h('th', { scope: 'col' }, '履约情况'), h('th', { scope: 'col' }, '逾期说明'))),
    h('tbody', {}, list.map((m) => h('tr', { 'data-status': m.status },
      h('td', {}, m.name), h('td', {}, m.deadline),
      h('td', {}, h('span', { class: MILESTONE_BADGE[m.status] || 'badge' }, m.status)),
      h('td', {}, m.explanation || '—')))));
}

function figures(project) {
  const rows = FIGURES.map(([name, value]) => [name, value(project)]).filter(([, value]) => value !== undefined && value !== null && value !== '');
  const broken = project.schemeViolations || [];
  return [
    h('dl', { class: 'figures', id: 'project-figures' }, rows.map(([name, value]) =>
      h('div', {}, h('dt', {}, name), h('dd', {}, display(value))))),
    broken.length === 0 ? null : h('div', { class: 'alert error', id: 'scheme-violations' },
      h('strong', {}, '现行改造方案不符合以下规定：'),
      h('ul', {}, broken.map((v) => h('li', {}, `${v.article || v.ruleCode}：${v.description}`,
        v.actualValue != null ? `（实际 ${v.actualValue}，限值 ${v.limitValue ?? '—'}）` : '')))),
  ];
}

function display(value) {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  return String(value);
}

function openTasks(tasks, names) {
  if (tasks.length === 0) return h('p', { class: 'muted' }, '当前没有待办环节');
  return h('table', { id: 'open-tasks' },
    h('thead', {}, h('tr', {}, ['环节', '办理单位', '办理人', '收到时间', '办理期限', '剩余时间'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, tasks.map((t) => h('tr', { 'data-task-id': t.taskId, 'data-activity-id': t.taskDefinitionKey },
      h('td', {}, t.taskId ? h('a', { href: `/tasks/${encodeURIComponent(t.taskId)}` }, t.taskName) : t.taskName,
        // A step of the annual plan or the unit's plan, which this project waits for with the others in it.
        t.projectId ? null : h('span', { class: 'muted shared-step' }, `（${t.projectName}，本项目等待其完成）`)),
      h('td', {}, (t.candidateGroups || []).map(groupName).join('、') || '—'),
      h('td', { class: 'assignee' }, t.assignee ? person(names[t.assignee], t.assignee) : '—'),
      h('td', {}, formatDateTime(t.receivedAt)),
      h('td', {}, formatDateTime(t.dueAt)),
      h('td', {}, deadlineBadges(t))))));
}

/** "结论：通过"; a yes/no answer already names its question ("公示期间是否有异议：否"). */
function conclusion(e) {
  const text = e.decisionLabel || e.decision;
  if (!text) return '';
  return text.includes('：') ? ` · ${text}` : ` · 结论：${text}`;
}

function timeline(entries) {
  if (entries.length === 0) return h('p', { class: 'muted' }, '尚无办理记录');
  return h('ol', { id: 'timeline', class: 'timeline' }, entries.map((e) =>
    h('li', { 'data-activity-name': e.activityName },
      h('strong', {}, e.activityName), ' ', h('span', { class: 'muted' }, e.phaseName ? `（${e.phaseName}）` : ''),
      h('div', {}, `${formatDateTime(e.time)} · ${e.userName || e.userId || '系统'}`,
        conclusion(e),
        e.meeting ? ` · ${e.meeting}决定` : '',
        e.documentNumber ? ` · 文号：${e.documentNumber}` : ''),
      e.reason ? h('div', { class: 'reason' }, e.reason) : null,
      e.facts && e.facts.length > 0
        ? h('div', { class: 'facts' }, e.facts.map((f) => `${f.label}：${f.value}`).join(' · ')) : null,
      e.opinion ? h('div', { class: 'muted' }, `意见：${e.opinion}`) : null)));
}

async function loadAttachments(target, said) {
  try {
    const files = await api(`/api/projects/${encodeURIComponent(projectId)}/attachments`);
    const box = h('div', { id: 'withdraw-box', class: 'alert warning', role: 'alertdialog', hidden: true });
    const message = h('p', { class: said ? 'alert success' : 'alert', role: 'status', id: 'withdraw-message' }, said || '');
    const reload = (text) => loadAttachments(target, text);
    target.replaceChildren(files.length === 0 ? h('p', { class: 'muted' }, '尚无附件') :
      h('div', { class: 'table-scroll' }, h('table', { id: 'attachment-table' },
        h('thead', {}, h('tr', {}, ['文件', '说明', '大小', '上传人', '上传时间', '状态'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, files.map((f) => h('tr', { class: f.withdrawnAt ? 'withdrawn' : null, 'data-attachment': f.id },
          h('td', {}, h('a', { href: `/api/attachments/${f.id}`, download: f.fileName }, f.fileName)),
          h('td', {}, f.description || '—'),
          h('td', {}, size(f.size)),
          h('td', { title: f.uploadedBy || '' }, f.uploadedByName || f.uploadedBy || '—'),
          h('td', {}, formatDateTime(f.uploadedAt)),
          h('td', {}, ...status(f, box, message, reload))))))), message, box);
  } catch (e) {
    target.replaceChildren(h('p', { class: 'alert error', role: 'alert' }, messageOf(e)));
  }
}

/** 有效 (with 作废 for its uploader) or 已作废 with who, when and why; the file stays listed and downloadable. */
function status(f, box, message, reload) {
  if (f.withdrawnAt) {
    return [h('strong', {}, '已作废'),
      h('div', { class: 'muted' }, `${f.withdrawnByName || f.withdrawnBy} ${formatDateTime(f.withdrawnAt)}`),
      h('div', { class: 'muted' }, `原因：${f.withdrawalReason}`)];
  }
  if (!f.canWithdraw) return ['有效'];
  const button = h('button', { type: 'button', class: 'secondary withdraw' }, '作废');
  button.addEventListener('click', () => askWithdrawal(f, box, message, reload));
  return ['有效 ', button];
}

/** Asks for the reason under the table; 确认作废 sends it, 取消 closes the box. Nothing is changed until then. */
function askWithdrawal(f, box, message, reload) {
  message.className = 'alert';
  message.textContent = '';
  // One message at a time: an upload's 已上传 (perhaps of this very file) is not left beside its 作废.
  const uploaded = document.getElementById('upload-message');
  if (uploaded) {
    uploaded.className = 'alert';
    uploaded.textContent = '';
  }
  const reason = h('input', { type: 'text', id: 'withdraw-reason', maxlength: 500, required: true });
  const error = h('p', { class: 'alert', role: 'status', id: 'withdraw-error' });
  const yes = h('button', { type: 'button', id: 'confirm-withdraw' }, '确认作废');
  const no = h('button', { type: 'button', class: 'secondary', id: 'cancel-withdraw' }, '取消');
  no.addEventListener('click', () => { box.hidden = true; });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    error.className = 'alert';
    error.textContent = '';
    try {
      await api(`/api/attachments/${f.id}/withdrawal`, { method: 'POST', json: { reason: reason.value } });
      await reload(`已作废：${f.fileName}`);
    } catch (e) {
      error.className = 'alert error';
      error.textContent = messageWithReasons(e);
      yes.disabled = false;
    }
  });
  mount(box,
    h('p', {}, `作废附件“${f.fileName}”：作废后附件仍保留、可下载，标为已作废，作废不能撤销。`),
    h('div', { class: 'field' }, h('label', { for: 'withdraw-reason' }, '作废原因 *'), reason),
    error, h('div', { class: 'actions' }, yes, no));
  box.hidden = false;
  reason.focus();
}

function size(bytes) {
  if (bytes == null) return '—';
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function uploadForm(reload) {
  const message = h('p', { class: 'alert', role: 'status', id: 'upload-message' });
  const form = h('form', { id: 'upload-form', class: 'form-grid' },
    h('div', { class: 'field' }, h('label', { for: 'upload-file' }, '选择文件（PDF、PNG 或 JPEG，不超过 20 MB）'),
      h('input', { type: 'file', id: 'upload-file', name: 'file', accept: 'application/pdf,image/png,image/jpeg', required: true })),
    h('div', { class: 'field' }, h('label', { for: 'upload-description' }, '说明'),
      h('input', { type: 'text', id: 'upload-description', name: 'description', maxlength: 500 })),
    h('div', { class: 'field' }, h('span', {}, '\u00a0'), h('button', { type: 'submit', id: 'upload-submit' }, '上传')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    message.className = 'alert';
    message.textContent = '';
    try {
      await api(`/api/projects/${encodeURIComponent(projectId)}/attachments`, { method: 'POST', formData: new FormData(form) });
      message.className = 'alert success';
      message.textContent = '已上传';
      form.reset();
      await reload();
    } catch (e) {
      message.className = 'alert error';
      message.textContent = e instanceof ApiError && e.fieldErrors.length
        ? `${messageOf(e)}：${e.fieldErrors.map((f) => f.reason).join('；')}` : messageOf(e);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', {}, h('h3', {}, '上传附件'), message, form);
}

/** One bpmn-js viewer per diagram; markers: highlight-current on active steps, highlight-done on completed ones. */
async function drawDiagrams(diagrams) {
  const target = document.getElementById('diagrams');
  if (diagrams.length === 0) {
    target.replaceChildren(h('p', { class: 'muted' }, '流程尚未开始或已结束'));
    return;
  }
  for (const d of diagrams) {
    const canvasBox = h('div', { class: 'diagram', role: 'img', 'aria-label': `${d.name || d.processDefinitionKey}流程图，当前环节已高亮` });
    const box = h('figure', { 'data-process-definition-key': d.processDefinitionKey, class: 'diagram-figure' },
      h('figcaption', {}, h('strong', {}, d.name || d.processDefinitionKey)), canvasBox);
    target.append(box);
    try {
      const xml = await api(`/api/process-definitions/${encodeURIComponent(d.processDefinitionId)}/xml`, { accept: 'text/xml, application/xml' });
      const viewer = new NavigatedViewer({ container: canvasBox });
      await viewer.importXML(typeof xml === 'string' ? xml : String(xml));
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport', 'auto');
      for (const id of d.completedActivityIds || []) if (registry.get(id)) canvas.addMarker(id, 'highlight-done');
      for (const id of d.activeActivityIds || []) if (registry.get(id)) canvas.addMarker(id, 'highlight-current');
      box.dataset.rendered = 'true';
    } catch (e) {
      canvasBox.replaceChildren(h('p', { class: 'alert error', role: 'alert' }, `流程图无法显示：${messageOf(e)}`));
    }
  }
}
