// 消息通知: the user's in-app notifications (红黄牌, 督办, 催办), newest first; unread ones are marked and each can be
// marked read (标为已读), which also updates the header's badge.
import { api, formatDateTime, h, messageOf, messageWithReasons, mount, refreshUnreadBadge, startPage } from './common.js';

const PAGE_SIZE = 50;

/** The grade label of a notification (its warning's grade); 催办 here, as the urging office sees it. */
const KINDS = {
  YELLOW: { label: '黄牌', css: 'yellow' },
  RED: { label: '红牌', css: 'red' },
  ESCALATED: { label: '已升级督办', css: 'escalated' },
  URGE: { label: '催办', css: 'yellow' },
};

startPage('notifications', async (main) => {
  const message = h('div', { class: 'alert', role: 'status', id: 'notifications-message' });
  const list = h('ul', { class: 'notifications', id: 'notification-list', 'aria-label': '消息列表' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'notifications-more', hidden: true }, '加载更多');
  const empty = h('p', { class: 'muted', id: 'notifications-empty', hidden: true }, '暂无消息');
  mount(main, h('h1', {}, '消息通知'), message, h('section', { class: 'card' }, empty, list, h('div', { class: 'actions' }, more)));

  let page = 0;
  async function load() {
    const items = await api(`/api/notifications?page=${page}&size=${PAGE_SIZE}`);
    for (const n of items) list.append(item(n, message));
    empty.hidden = list.children.length > 0;
    more.hidden = items.length < PAGE_SIZE;
    page += 1;
  }
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      await load();
    } catch (e) {
      showError(message, e);
    } finally {
      more.disabled = false;
    }
  });
  await load();
});

function item(n, message) {
  const kind = KINDS[n.grade];
  const unread = !n.readAt;
  const li = h('li', { class: unread ? 'unread' : null, 'data-notification-id': n.id, 'data-read': String(!unread) });
  const state = h('span', { class: unread ? 'badge red' : 'muted', 'data-state': '' }, unread ? '未读' : '已读');
  const links = [];
  if (n.taskId) links.push(h('a', { href: `/tasks/${encodeURIComponent(n.taskId)}`, class: 'task-link' }, '办理任务'));
  if (n.projectId != null) links.push(h('a', { href: `/projects/${n.projectId}`, class: 'project-link' }, '查看项目'));
  const button = unread ? h('button', { type: 'button', class: 'secondary mark-read' }, '标为已读') : null;
  if (button) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api(`/api/notifications/${n.id}/read`, { method: 'POST' });
        li.classList.remove('unread');
        li.dataset.read = 'true';
        state.className = 'muted';
        state.textContent = '已读';
        button.remove();
        message.className = 'alert success';
        message.textContent = '已标为已读';
        await refreshUnreadBadge();
      } catch (e) {
        button.disabled = false;
        showError(message, e);
      }
    });
  }
  mount(li,
    h('div', { class: 'body' },
      h('div', { class: 'meta' },
        h('time', { datetime: n.createdAt }, formatDateTime(n.createdAt)),
        kind ? h('span', { class: `badge ${kind.css}`, 'data-grade': n.grade }, kind.label) : null,
        state),
      h('p', { class: 'title' }, n.title),
      h('p', { class: 'message' }, n.body),
      links.length ? h('p', { class: 'links' }, links.flatMap((a, i) => (i ? [' · ', a] : [a]))) : null,
      n.warningId != null ? reply(n.warningId) : null),
    button);
  return li;
}

/** 回告: the responsible office says why it is late or how it stands; the warning keeps the reply for the leading group. */
function reply(warningId) {
  const text = h('textarea', { id: `reply-${warningId}`, rows: 2, cols: 60, maxlength: 2000 });
  const note = h('p', { class: 'muted', 'data-reply-state': '' });
  const send = h('button', { type: 'button', class: 'secondary', id: `reply-send-${warningId}` }, '提交回告');
  // The answer box shows once the warning says this user answers for the responsible office.
  const form = h('div', { class: 'reply-form', hidden: true },
    h('label', { for: `reply-${warningId}`, class: 'skip' }, '回告内容'), text, h('p', {}, send));
  const details = h('details', { class: 'reply', 'data-warning-id': warningId },
    h('summary', {}, '回告（说明办理情况或超期原因）'), note, form);
  const show = (w) => {
    const state = w.reply ? `已回告（${formatDateTime(w.repliedAt)}）：${w.reply}` : '尚未回告';
    note.textContent = w.mayReply ? state : `${state}。由责任单位（${w.responsibleName}）回告。`;
    form.hidden = !w.mayReply;
  };
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    try {
      show(await api(`/api/warnings/${warningId}`));
      details.dataset.loaded = 'true';
    } catch (e) {
      note.textContent = messageOf(e);
    }
  });
  send.addEventListener('click', async () => {
    send.disabled = true;
    try {
      show(await api(`/api/warnings/${warningId}/reply`, { method: 'POST', json: { reply: text.value } }));
      text.value = '';
    } catch (e) {
      note.textContent = messageWithReasons(e);
    } finally {
      send.disabled = false;
    }
  });
  return details;
}

function showError(message, e) {
  message.className = 'alert error';
  message.setAttribute('role', 'alert');
  message.textContent = messageOf(e);
}
