// 办理任务: the step's Camunda Form rendered by form-js's viewer, prefilled with the process's values. Submitting
// sends the form's data to the API, which validates it against the same form: its field errors appear under
// the fields, its general message above the form; success returns to the task list.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-viewer/dist/assets/flatpickr/light.css';
import { ApiError, api, askToConfirm, deadlineBadges, flash, formatDateTime, h, keepOverLogin, keptOverLogin, leavePage, messageOf, messageWithReasons, mount, person, startPage, unsentTyping } from './common.js';
import { chineseDateFields, typedDatesTaken } from './dates.js';

const taskId = decodeURIComponent(window.location.pathname.split('/').filter(Boolean)[1] || '');

startPage('tasks', async (main, me) => {
  const task = await api(`/api/tasks/${encodeURIComponent(taskId)}`);
  document.title = `${task.taskName} - 办理任务`;
  const notice = flash();
  const general = h('div', { class: 'alert error', role: 'alert', id: 'form-message', 'aria-live': 'assertive' });
  const container = h('div', { class: 'task-form', id: 'task-form' });
  // Delegated (委派) to me: I fill the form and hand the task back to its owner, who completes it.
  const delegated = task.delegationState === 'PENDING';
  const delegatedToMe = delegated && task.assignee === me.userId;
  const submit = h('button', { type: 'button', id: 'submit-task' }, delegatedToMe ? '办理完毕，交回委派人' : '提交');
  const heldByOther = task.assignee && task.assignee !== me.userId;
  // An answer that ends the project's approval for good (the model's endsProject) is asked about once more here.
  const confirmBox = h('div', { class: 'alert warning', role: 'alertdialog', id: 'confirm-ending', hidden: true,
    'aria-labelledby': 'confirm-ending-text' });
  const readOnly = task.suspended || heldByOther || task.canWork === false;

  mount(main,
    h('p', {}, h('a', { href: '/tasks' }, '← 返回我的待办')),
    notice ? h('p', { class: 'alert error', role: 'status', id: 'flash' }, notice) : null,
    h('h1', {}, task.taskName),
    h('section', { class: 'card', 'aria-label': '任务信息' },
      h('dl', { class: 'figures' },
        item('项目', task.projectId ? h('a', { href: `/projects/${task.projectId}`, id: 'project-link' }, task.projectName) : task.projectName),
        item('项目编号', task.projectCode),
        item('镇街', task.townName),
        item('阶段', task.phaseName),
        item('收到时间', formatDateTime(task.receivedAt)),
        item('办理期限', formatDateTime(task.dueAt)),
        item('剩余时间', deadlineBadges(task)),
        item('办理人', task.assignee ? person(task.assigneeName, task.assignee) : '待签收（本单位任何人可办理）'),
        delegated ? item('委派人', person(task.ownerName, task.owner)) : null)),
    claimBar(task, me),
    task.sentBack ? h('section', { class: 'card', id: 'sent-back', 'aria-label': '退回原因' },
      h('div', { class: 'alert error', role: 'note' },
        `“${task.sentBack.fromTaskName}”于 ${formatDateTime(task.sentBack.time)} 由 ${task.sentBack.userName || task.sentBack.userId} 退回，理由：`,
        h('strong', {}, task.sentBack.reason))) : null,
    h('section', { class: 'card', 'aria-labelledby': 'form-title' },
      h('h2', { id: 'form-title' }, '办理表单'),
      general,
      container,
      h('div', { class: 'actions' }, submit, h('a', { class: 'button secondary', href: '/tasks' }, '取消')),
      confirmBox),
    task.sendBackAllowed && !task.suspended ? sendBack(task) : null,
    comments(task.canWork && !heldByOther && !task.suspended),
    task.canWork && !heldByOther && !delegated && !task.suspended && (task.candidateGroups || []).length > 0 ? handOver() : null,
    // The leading group, its office and NRB urge the office that holds a task (Warnings.URGERS); not their own.
    !task.canWork && (me.roles?.leadingGroup || me.roles?.nrb) ? urge() : null);

  const dateFields = chineseDateFields(container);
  chineseButtons(container);
  // debounce: false — form-js otherwise applies a number typed just before 提交 300 ms later and checks the field
  // again then, wiping the API's reason that has arrived under it in the meantime.
  const form = new Form({ container, debounce: false });
  const fieldIds = componentIdsByKey(task.form);
  const notNumbers = chineseNumbers(container, fieldIds);
  chineseMessages(form, notNumbers);
  // What the officer had typed before 签收 or 退回到单位待办 (which reload the page), or before the login expired,
  // is filled in again.
  // Not into a form that is only to be read (the task was meanwhile taken by a colleague): it would pass for the task's data.
  const draftKept = takeDraft();
  const kept = readOnly ? null : draftKept || keptOverLogin('task-form');
  let current = {};
  form.on('changed', (state) => { current = state.data || {}; });
  await form.importSchema(task.form, kept ? { ...(task.data || {}), ...only(kept, fieldIds) } : (task.data || {}));
  draft = () => only(current, fieldIds);
  // Typed and not yet sent: what the form holds differs from what it was drawn with (kept typing is unsent from the start).
  const drawn = kept ? null : JSON.stringify(draft());
  formTyped = () => !readOnly && JSON.stringify(draft()) !== drawn;
  unsentTyping(() => formTyped());
  keepOverLogin('task-form', () => (formTyped() ? draft() : null));
  dateFields();
  if (readOnly) {
    // Shown to read, not to fill in: what was typed could not be submitted (before, the fields took input all the same).
    form.setProperty('readOnly', true);
    submit.disabled = true;
    general.textContent = task.suspended ? '该项目的审批流程已被系统管理员挂起（暂停），恢复前不能办理；如需办理，请联系系统管理员。'
      : delegated && task.owner === me.userId
      ? `您已将该任务委派给 ${person(task.assigneeName, task.assignee)} 办理，待其交回后您再提交。`
      : heldByOther ? `该任务已由 ${person(task.assigneeName, task.assignee)} 签收，您只能查看。` : '您可以查看此任务，但不能办理。';
  }

  // Pressing 提交 leaves the focus in the field being filled until the click: a date field that loses focus checks
  // itself before it has taken the date typed in it, and its 必填 of a moment pushed the button away from under the
  // pointer (the click was lost). The click then leaves the field itself and waits until the date is in the form.
  submit.addEventListener('mousedown', (e) => e.preventDefault());
  let reading = false;
  submit.addEventListener('click', async () => {
    if (reading) return;
    reading = true;
    // What an earlier 提交 was told goes now, not once the form has been read.
    general.textContent = '';
    try {
      if (document.activeElement instanceof HTMLElement && container.contains(document.activeElement)) {
        document.activeElement.blur();
      }
      await typedDatesTaken();
    } finally {
      reading = false;
    }
    const { data, errors } = form.submit();
    if (notNumbers.size) {
      // form-js holds such a field as empty: sent, it would read 必填, or be saved as nothing.
      general.textContent = '有数字无法识别，请按字段下的提示改正后再提交。';
      return;
    }
    // Asked only of a form that is otherwise complete (else the refusal comes first), and not of a hand-back (委派),
    // which decides nothing yet.
    // (form-js keeps an entry, empty, for a field it found right again.)
    const mending = Object.values(errors || {}).some((messages) => messages && messages.length > 0);
    const end = delegatedToMe || mending ? null : endingOf(task, data);
    if (end) {
      // The server's own rules first (a refusal's reason required, dates in order): confirming what it would then
      // refuse would ask twice.
      submit.disabled = true;
      try {
        await api(`/api/tasks/${encodeURIComponent(taskId)}/check`, { method: 'POST', json: data });
      } catch (e) {
        submit.disabled = false;
        showErrors(form, fieldIds, general, e);
        return;
      }
      submit.disabled = false;
      confirmEnding(confirmBox, submit, end, () => send(data));
      return;
    }
    send(data);
  });

  async function send(data) {
    confirmBox.hidden = true;
    submit.disabled = true;
    general.textContent = '';
    try {
      await api(`/api/tasks/${encodeURIComponent(taskId)}/${delegatedToMe ? 'resolve' : 'complete'}`, { method: 'POST', json: data });
      const again = delegatedToMe ? null : await sameStepBackWithMe(task, me);
      if (again) {
        // The process made the step again and gave it back to this officer (a scheme the rules sent back): straight to it.
        flash(`“${task.taskName}”已提交，但未通过校验，已退回由您修改：请按表单中列明的原因修改后重新提交。`);
        leavePage(`/tasks/${encodeURIComponent(again.taskId)}`);
        return;
      }
      flash(delegatedToMe ? `已交回 ${person(task.ownerName, task.owner)}：${task.projectName || ''}“${task.taskName}”`
        : `已提交：${task.projectName || ''}“${task.taskName}”`);
      leavePage('/tasks');
    } catch (e) {
      submit.disabled = false;
      showErrors(form, fieldIds, general, e);
    }
  }
});

/**
 * The end of the project's approval that the form's answer brings (the model's endsProject): its answer's label and
 * what the end is called; null for any other answer, and when the form's yes/no field `unless` is yes (a major
 * matter's 不予通过 goes to the leading group).
 */
function endingOf(task, data) {
  if (!task.ending) return null;
  if (task.ending.unless && data[task.ending.unless] === true) return null;
  const answer = data[task.ending.field];
  if (answer === undefined || answer === null) return null;
  const end = task.ending.outcomes[String(answer)];
  if (end === undefined) return null;
  let label = String(answer);
  const walk = (components) => (components || []).forEach((c) => {
    if (c.key === task.ending.field) {
      label = (c.values || []).find((v) => String(v.value) === String(answer))?.label ?? label;
    }
    walk(c.components);
  });
  walk(task.form?.components);
  return { label, end };
}

/** Asks once more before an answer that cannot be taken back: 确认提交 sends it, 返回修改 leaves the form as it is. */
function confirmEnding(box, submit, { label, end }, send) {
  askToConfirm(box, submit, send, h('p', { id: 'confirm-ending-text' }, `按“${label}”提交后，本项目的审批即告终止（${end}），`
    + '不能撤回，申请人和所在镇街将收到通知。确认提交吗？'));
}

/** The same step of the same process, open again and the officer's own, right after they completed it. */
async function sameStepBackWithMe(task, me) {
  if (!task.projectCode) return null;
  try {
    const page = await api(`/api/tasks?q=${encodeURIComponent(task.projectCode)}`);
    return (page.items || []).find((t) => t.taskId !== task.taskId && t.taskDefinitionKey === task.taskDefinitionKey
      && t.processInstanceId === task.processInstanceId && t.assignee === me.userId) || null;
  } catch (e) {
    return null; // Completed all the same; the task list will show it.
  }
}

function item(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value ?? '—'));
}

function claimBar(task, me) {
  if (task.assignee === me.userId) {
    const note = task.delegationState === 'PENDING' ? `${person(task.ownerName, task.owner)} 委派您办理此任务：填好表单后交回，由其完成。`
      : task.unclaimable ? '此任务由您办理（已签收或由同事转办给您）。' : '此任务由您本人办理。';
    return h('p', { class: 'actions' }, h('span', { class: 'muted', id: 'claim-note' }, note),
      task.unclaimable ? h('button', { type: 'button', class: 'secondary', id: 'unclaim', onclick: () => act('unclaim') }, '退回到单位待办') : null);
  }
  if (!task.assignee && task.claimable) {
    return h('p', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'claim', onclick: () => act('claim') }, '签收'),
      h('span', { class: 'muted' }, '签收后由您本人办理，其他同事不再看到此任务。'));
  }
  return null;
}

/** The form's values now, by field key: kept over the reload of 签收 and 退回到单位待办 (set once the form is shown). */
let draft = () => ({});
/** Whether the form holds typing not yet sent (set once the form is shown). */
let formTyped = () => false;
const DRAFT_KEY = `ggg-task-draft-${taskId}`;

/** The values of the form's own fields only (not the process's other data). */
function only(data, fieldIds) {
  return Object.fromEntries(Object.entries(data || {}).filter(([key]) => fieldIds.has(key)));
}

/** The values kept for this task before the page was reloaded, once; null where there are none. */
function takeDraft() {
  const text = sessionStorage.getItem(DRAFT_KEY);
  sessionStorage.removeItem(DRAFT_KEY);
  try {
    return text ? JSON.parse(text) : null;
  } catch (e) {
    return null;
  }
}

async function act(what) {
  try {
    await api(`/api/tasks/${encodeURIComponent(taskId)}/${what}`, { method: 'POST' });
    if (formTyped()) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft()));
    leavePage();
  } catch (e) {
    document.getElementById('form-message').textContent = messageOf(e);
  }
}

/** 退回: the reason is required; a refusal is said under the button that was pressed, where the officer looks. */
function sendBack(task) {
  const reason = h('textarea', { id: 'send-back-reason', 'data-keep': true, rows: 3, cols: 60, required: true,
    'aria-describedby': 'send-back-message' });
  const message = h('div', { class: 'alert error', role: 'alert', id: 'send-back-message' });
  return h('section', { class: 'card' },
    h('details', {},
      h('summary', {}, `退回${task.sendBackTo?.name ? `至“${task.sendBackTo.name}”` : '上一步'}`),
      h('p', {}, h('label', { for: 'send-back-reason' }, '退回理由（必填）')),
      reason,
      h('p', {}, h('button', {
        type: 'button', class: 'secondary', id: 'send-back', onclick: async () => {
          message.textContent = '';
          reason.removeAttribute('aria-invalid');
          try {
            await api(`/api/tasks/${encodeURIComponent(taskId)}/send-back`, { method: 'POST', json: { reason: reason.value } });
            flash(`已退回：“${task.taskName}”`);
            leavePage('/tasks');
          } catch (e) {
            message.textContent = messageWithReasons(e);
            if (e instanceof ApiError && e.status === 400) {
              reason.setAttribute('aria-invalid', 'true');
              reason.focus();
            }
          }
        },
      }, '确认退回')),
      message));
}

/** The API's 400: each field's reason under its field (form-js's error slot), the rest above the form. */
function showErrors(form, fieldIds, general, e) {
  if (!(e instanceof ApiError) || e.status !== 400) {
    general.textContent = messageOf(e);
    return;
  }
  const errors = {};
  const unplaced = [];
  for (const { field, reason } of e.fieldErrors) {
    const id = fieldIds.get(field);
    if (id) (errors[id] = errors[id] || []).push(reason);
    else unplaced.push(field ? `${field}：${reason}` : reason);
  }
  form._setState({ errors });
  mount(general, `${e.body.message || '表单填写有误'}：请按各项下方的提示修改后重新提交。`,
    unplaced.length ? h('ul', {}, unplaced.map((u) => h('li', {}, u))) : null);
  general.scrollIntoView({ block: 'nearest' });
}

/** Field key → component id, through groups and other nested components. */
function componentIdsByKey(schema) {
  const ids = new Map();
  const walk = (components) => (components || []).forEach((c) => {
    if (c.key) ids.set(c.key, c.id);
    walk(c.components);
  });
  walk(schema?.components);
  return ids;
}

/**
 * Numbers as officers type or paste them: full-width digits and signs (１８０００, ．, 。, －) become ASCII, and commas
 * (18,000 or 18，000) are thousands separators, dropped. form-js alone reads a comma as a decimal point (18,000 was
 * saved as 18) and full-width digits as no number. Text that is still no number is kept by field id, for the field's
 * message and to hold the form back (form-js leaves such a field empty).
 */
function chineseNumbers(container, fieldIds) {
  const notNumbers = new Map();
  const numberInput = (el) => el instanceof HTMLInputElement && el.closest('.fjs-form-field-number') !== null;
  const fieldIdOf = (input) => [...fieldIds.values()].find((id) => input.id.endsWith(`-${id}`));
  // form-js refuses these keys as they are pressed; let them in, the input handler below turns them into numbers.
  container.addEventListener('keypress', (e) => {
    if (numberInput(e.target) && /^[０-９，,．。－]$/.test(e.key)) e.stopPropagation();
  }, true);
  container.addEventListener('input', (e) => {
    if (!numberInput(e.target)) return;
    const typed = e.target.value;
    const text = halfWidthNumber(typed);
    if (text !== typed) e.target.value = text;
    const id = fieldIdOf(e.target);
    if (!id) return;
    if (text !== '' && text !== '-' && Number.isNaN(Number(text))) notNumbers.set(id, typed);
    else notNumbers.delete(id);
  }, true);
  return notNumbers;
}

function halfWidthNumber(text) {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/[．。]/g, '.').replace(/[－−]/g, '-').replace(/[,，\s\u3000]/g, '');
}

/** form-js checks the form as people type, with English messages; these are what officers read instead. */
function chineseMessages(form, notNumbers) {
  const validator = form.get('validator');
  const check = validator.validateFieldInstance.bind(validator);
  // The same wording as the API's own checks (cn.gonggaigong.form.FormValidator).
  const rules = [
    [/^Field is required\.$/, () => '必填'],
    [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于${m[1]}`],
    [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于${m[1]}`],
    [/^Field must have minimum length of (.+)\.$/, (m) => `长度不能少于${m[1]}个字符`],
    [/^Field must have maximum length of (.+)\.$/, (m) => `长度不能超过${m[1]}个字符`],
    [/^Field must match pattern (.+)\.$/, () => '格式不正确'],
    [/^Field must be a valid email\.$/, () => '必须是有效的电子邮箱地址'],
    [/^Field must be a valid {1,2}international phone number/, () => '必须是有效的电话号码'],
    [/^Value is not a number\.$/, () => '必须是数字'],
    [/^Value is expected to be an integer\.$/, () => '必须是整数'],
    [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留${m[1]}位小数`],
    [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, (m) => `请输入有效值，最接近的有效值为${m[1]}和${m[2]}`],
  ];
  validator.validateFieldInstance = (instance, value) => notNumbers.has(instance.id) && (value === null || value === undefined)
    ? [`“${notNumbers.get(instance.id)}”不是有效的数字：请填阿拉伯数字，如 18000 或 0.9`]
    : check(instance, value).map((message) => {
      for (const [pattern, text] of rules) {
        const m = pattern.exec(message);
        if (m) return text(m);
      }
      return message;
    });
}

/** 办理意见: the task's comments (转办, 委派 and 退回 leave theirs too), and a new one by whoever works on it. */
function comments(canAdd) {
  const list = h('ul', { class: 'plain', id: 'comment-list' });
  const message = h('div', { class: 'alert error', role: 'alert', id: 'comment-message' });
  const section = h('section', { class: 'card', 'aria-labelledby': 'comments-title' },
    h('h2', { id: 'comments-title' }, '办理意见'), message, list);
  const load = async () => {
    const all = await api(`/api/tasks/${encodeURIComponent(taskId)}/comments`);
    mount(list, all.length === 0 ? h('li', { class: 'muted' }, '暂无意见')
      : all.map((c) => h('li', {}, h('span', { class: 'muted' }, `${formatDateTime(c.time)} ${c.userName || c.userId}：`), c.message)));
  };
  if (canAdd) {
    const text = h('textarea', { id: 'comment-text', 'data-keep': true, rows: 2, cols: 60, maxlength: 4000 });
    const add = h('button', { type: 'button', class: 'secondary', id: 'comment-add' }, '添加意见');
    add.addEventListener('click', async () => {
      add.disabled = true;
      try {
        await api(`/api/tasks/${encodeURIComponent(taskId)}/comments`, { method: 'POST', json: { message: text.value } });
        text.value = '';
        message.textContent = '';
        await load();
      } catch (e) {
        message.textContent = messageWithReasons(e);
      } finally {
        add.disabled = false;
      }
    });
    section.append(h('p', {}, h('label', { for: 'comment-text' }, '添加意见')), text, h('p', {}, add));
  }
  load().catch((e) => { message.textContent = messageOf(e); });
  return section;
}

/** 催办: recorded as a warning of the task and sent to its office (in-app and by mail), who may answer it (回告). */
function urge() {
  const text = h('textarea', { id: 'urge-text', 'data-keep': true, rows: 2, cols: 60, maxlength: 2000, 'aria-describedby': 'urge-message' });
  const message = h('div', { class: 'alert', role: 'status', id: 'urge-message' });
  const send = h('button', { type: 'button', class: 'secondary', id: 'urge-send' }, '发出催办');
  send.addEventListener('click', async () => {
    send.disabled = true;
    try {
      const warning = await api(`/api/tasks/${encodeURIComponent(taskId)}/urge`, { method: 'POST', json: { message: text.value } });
      message.className = 'alert success';
      message.textContent = `已向${warning.responsibleName || '责任单位'}发出催办（${formatDateTime(warning.raisedAt)}）`;
      text.value = '';
    } catch (e) {
      message.className = 'alert error';
      message.textContent = messageWithReasons(e);
    } finally {
      send.disabled = false;
    }
  });
  return h('section', { class: 'card', 'aria-label': '催办' },
    h('details', {}, h('summary', {}, '催办'),
      h('p', {}, h('label', { for: 'urge-text' }, '催办要求（必填）')), text, h('p', {}, send), message));
}

/** 转办 (the colleague works on it instead) or 委派 (the colleague works on it and hands it back). */
function handOver() {
  const who = h('select', { id: 'handover-user' }, h('option', { value: '' }, '请选择同事'));
  const reason = h('textarea', { id: 'transfer-reason', 'data-keep': true, rows: 2, cols: 60 });
  const message = h('div', { class: 'alert error', role: 'alert', id: 'handover-message' });
  const act = (what, json, done) => async () => {
    try {
      await api(`/api/tasks/${encodeURIComponent(taskId)}/${what}`, { method: 'POST', json: json() });
      flash(done());
      leavePage('/tasks');
    } catch (e) {
      message.textContent = messageWithReasons(e);
    }
  };
  const chosen = () => who.options[who.selectedIndex]?.text || who.value;
  const section = h('section', { class: 'card' },
    h('details', { id: 'handover' },
      h('summary', {}, '转办或委派给同事'),
      message,
      h('p', {}, h('label', { for: 'handover-user' }, '同事 '), who),
      h('p', {}, h('label', { for: 'transfer-reason' }, '转办理由（转办时必填）')), reason,
      h('p', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', id: 'transfer',
          onclick: act('transfer', () => ({ userId: who.value, reason: reason.value }), () => `已转办给 ${chosen()}`) }, '转办（由其办理）'),
        h('button', { type: 'button', class: 'secondary', id: 'delegate',
          onclick: act('delegate', () => ({ userId: who.value }), () => `已委派给 ${chosen()}，其办理后交回给您`) }, '委派（办理后交回给我）'))));
  api(`/api/tasks/${encodeURIComponent(taskId)}/colleagues`).then((people) => {
    if (people.length === 0) {
      // Nobody else in the office: nothing to choose, so no buttons that can only fail.
      mount(section, h('p', { class: 'muted', id: 'handover-none' }, '本单位没有可转办或委派的其他同事。'));
      return;
    }
    people.forEach((p) => who.append(h('option', { value: p.userId }, `${p.name}（${p.userId}）`)));
  }).catch((e) => { message.textContent = messageOf(e); });
  return section;
}

/** form-js names its number fields' step buttons in English for screen readers (Increment, Decrement). */
function chineseButtons(container) {
  const names = { Increment: '增加', Decrement: '减少' };
  const rename = () => container.querySelectorAll('button[aria-label="Increment"], button[aria-label="Decrement"]')
    .forEach((b) => b.setAttribute('aria-label', names[b.getAttribute('aria-label')]));
  new MutationObserver(rename).observe(container, { childList: true, subtree: true });
}
