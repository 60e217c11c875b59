// 领导小组监测页面: reads /api/monitor/* (same session as the page) and draws with ECharts (WebJar, no CDN).
(function () {
  'use strict';

  const GRADE_LABEL = { NONE: '无预警', YELLOW: '黄牌', RED: '红牌', ESCALATED: '已升级' };
  const GRADE_COLOR = { NONE: '#91cc75', YELLOW: '#fac858', RED: '#ee6666', ESCALATED: '#820014' };
  const STATUS_LABEL = { ACTIVE: '审批实施中', REJECTED: '未通过', COMPLETED: '已完成', WITHDRAWN: '未纳入实施' };
  const TREND_SERIES = [
    { key: 'projectsEntered', name: '新申报项目', figure: 'entered' },
    { key: 'projectsCompleted', name: '完成项目', figure: 'completed-in-month' },
    { key: 'warningsRaised', name: '发出预警', figure: 'warnings-raised' },
    { key: 'warningsClosed', name: '关闭预警', figure: 'warnings-closed' }
  ];
  const FIGURE_LABEL = {
    'phase-town-grade': '在办项目', 'overdue': '有逾期事项的项目', 'in-plan': '已列入年度计划的项目',
    'started': '已开工项目', 'in-phase': '该阶段在办项目', 'completed': '已完成项目',
    'warnings-raised': '当月发出预警的项目', 'warnings-closed': '当月关闭预警的项目', 'entered': '当月新申报项目',
    'completed-in-month': '当月完成项目', 'late-tasks': '有乡镇经办事项超期办结的项目', 'open-red': '有乡镇经办事项未关闭红牌的项目',
    'phases-done': '已办结阶段的项目'
  };

  let towns = [];
  let phases = [];
  let gradeData = null;
  const charts = {};

  function $(id) { return document.getElementById(id); }

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = false;
  }

  async function api(path) {
    let response;
    try {
      response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    } catch (e) {
      throw new Error('连接服务器失败：请检查网络后刷新页面'); // not the browser's "Failed to fetch"
    }
    if (!response.ok) {
      let message = '请求失败（' + response.status + '）';
      try {
        const body = await response.json();
        // The API's message and each parameter's reason (e.g. 月份格式应为 YYYY-MM).
        message = [body.message || message, ...(body.errors || []).map(e => e.reason)].join('：');
      } catch (e) { /* not JSON */ }
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  function townName(code) {
    const town = towns.find(t => t.code === code);
    return town ? town.name : code;
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '—' : text;
    if (className) td.className = className;
    return td;
  }

  /** A table's one row saying, across its columns, that it has nothing to list. */
  function emptyRow(body, text, columns) {
    const td = cell(text);
    td.colSpan = columns;
    const tr = document.createElement('tr');
    tr.appendChild(td);
    body.appendChild(tr);
  }

  /** A cell that opens a drill-down: by mouse, and by keyboard (Tab to it, Enter or Space). */
  function linkCell(text, onClick) {
    const td = cell(text, 'link');
    td.tabIndex = 0;
    td.setAttribute('role', 'button');
    td.addEventListener('click', onClick);
    td.addEventListener('keydown', e => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onClick(e); }
    });
    return td;
  }

  function fillTownSelect(select, onChange) {
    towns.forEach(t => {
      const option = document.createElement('option');
      option.value = t.code;
      option.textContent = t.name;
      select.appendChild(option);
    });
    select.addEventListener('change', onChange);
  }

  // --- drill-down ---------------------------------------------------------------------------------------------
  async function drill(params, title) {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));
    query.set('limit', '200');
    try {
      const list = await api('/api/monitor/projects?' + query);
      $('drill-title').textContent = title || FIGURE_LABEL[params.figure] || '项目清单';
      $('drill-count').textContent = '共 ' + list.total + ' 个项目' + (list.total > list.items.length ? '（显示前 ' + list.items.length + ' 个）' : '');
      const body = $('drill-table').querySelector('tbody');
      body.innerHTML = '';
      list.items.forEach(p => {
        const tr = document.createElement('tr');
        // The code opens the project's page (its timeline, its tasks, its warnings).
        const code = document.createElement('td');
        const a = document.createElement('a');
        a.href = '/projects/' + p.id;
        a.textContent = p.code;
        code.append(a);
        tr.append(code, cell(p.name), cell(p.townName), cell(p.phaseLabel), cell(p.statusLabel),
          cell(GRADE_LABEL[p.grade], 'grade-' + p.grade));
        body.appendChild(tr);
      });
      $('drill-panel').hidden = false;
      $('drill-panel').scrollIntoView({ behavior: 'smooth' });
    } catch (e) {
      showError(e.message);
    }
  }

  // --- phase × town × grade -----------------------------------------------------------------------------------
  function drawGrades() {
    const town = $('grade-town').value;
    const grades = gradeData.grades.map(g => g.code);
    const series = grades.map(grade => ({
      name: GRADE_LABEL[grade], type: 'bar', stack: 'grade', itemStyle: { color: GRADE_COLOR[grade] },
      data: phases.map(ph => gradeData.cells
        .filter(c => c.phase === ph.code && c.grade === grade && (!town || c.town === town))
        .reduce((sum, c) => sum + c.count, 0)),
      grade: grade
    }));
    charts.phase.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: series.map(s => s.name) },
      grid: { left: 40, right: 20, bottom: 90 },
      xAxis: { type: 'category', data: phases.map(p => p.label), axisLabel: { interval: 0, rotate: 35 } },
      yAxis: { type: 'value', minInterval: 1, name: '项目数' },
      series: series
    }, true);
  }

  async function loadGrades() {
    gradeData = await api('/api/monitor/phase-town-grade');
    $('total-active').textContent = gradeData.total;
    charts.phase = echarts.init($('chart-phase'));
    charts.phase.on('click', params => {
      const grade = gradeData.grades[params.seriesIndex].code;
      const phase = phases[params.dataIndex];
      const town = $('grade-town').value;
      drill({ figure: 'phase-town-grade', phase: phase.code, grade: grade, town: town },
        phase.label + ' · ' + GRADE_LABEL[grade] + (town ? ' · ' + townName(town) : ''));
    });
    drawGrades();
  }

  // --- overdue list -------------------------------------------------------------------------------------------
  async function loadOverdue() {
    const town = $('overdue-town').value;
    const list = await api('/api/monitor/overdue?limit=200' + (town ? '&town=' + encodeURIComponent(town) : ''));
    $('overdue-export').href = '/api/monitor/overdue.xlsx' + (town ? '?town=' + encodeURIComponent(town) : '');
    if (!town) $('total-overdue').textContent = list.total;
    $('overdue-count').textContent = '共 ' + list.total + ' 项' + (list.total > list.items.length ? '（显示前 ' + list.items.length + ' 项）' : '');
    const body = $('overdue-table').querySelector('tbody');
    body.innerHTML = '';
    if (!list.items.length) emptyRow(body, town ? '该镇街暂无逾期事项' : '暂无逾期事项', 7);
    list.items.forEach(item => {
      const tr = document.createElement('tr');
      const project = item.projectCode ? item.projectCode + ' ' + item.projectName : '（月度报告）';
      tr.append(item.townCode ? linkCell(project, () => drill({ figure: 'overdue', town: item.townCode }, '有逾期事项的项目 · ' + item.townName)) : cell(project),
        cell(item.townName), taskCell(item), cell(item.responsibleOfficeName || item.responsibleOffice), cell(item.dueDay),
        cell(item.workingDaysOverdue), cell(GRADE_LABEL[item.grade], 'grade-' + item.grade));
      body.appendChild(tr);
    });
  }

  /** The task's name; 已挂起 after it where an administrator suspended the project's process (nobody can work on it). */
  function taskCell(item) {
    const td = cell(item.taskName);
    if (item.suspended) {
      const mark = document.createElement('span');
      mark.className = 'suspended-mark';
      mark.dataset.suspended = 'true';
      mark.title = '该项目的审批流程已被系统管理员挂起（暂停），恢复前不能办理';
      mark.textContent = '已挂起';
      td.append(' ', mark);
    }
    return td;
  }

  // --- missed deadlines of monitoring agreements --------------------------------------------------------------
  const PUNING_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });
  /** A moment as Beijing's date and minute, YYYY-MM-DD HH:mm (as the exported 月报表's 统计时点). */
  const PUNING_MINUTE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

  async function loadBreaches() {
    const town = $('breach-town').value;
    const list = await api('/api/monitor/agreement-breaches?limit=200' + (town ? '&town=' + encodeURIComponent(town) : ''));
    $('breach-export').href = '/api/monitor/agreement-breaches.xlsx' + (town ? '?town=' + encodeURIComponent(town) : '');
    $('breach-count').textContent = '共 ' + list.total + ' 项' + (list.total > list.items.length ? '（显示前 ' + list.items.length + ' 项）' : '');
    const body = $('breach-table').querySelector('tbody');
    body.innerHTML = '';
    if (list.items.length === 0) emptyRow(body, '暂无监管协议逾期事项', 8);
    list.items.forEach(b => {
      const tr = document.createElement('tr');
      const project = document.createElement('td');
      const a = document.createElement('a');
      a.href = '/projects/' + b.projectId;
      a.textContent = b.projectCode + ' ' + b.projectName;
      project.append(a);
      tr.append(project, cell(b.townName), cell(b.milestone), cell(b.deadline), cell(PUNING_DAY.format(new Date(b.breachedAt))),
        cell(b.status, b.status === '已逾期' ? 'grade-RED' : null),
        cell(b.subjectResponsible === null || b.subjectResponsible === undefined ? '待乡镇说明' : (b.subjectResponsible ? '是' : '否')),
        cell(b.explanation));
      body.appendChild(tr);
    });
  }

  // --- league table -------------------------------------------------------------------------------------------
  function percent(rate) {
    return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + '%';
  }

  async function loadLeague() {
    // The cards are the whole city's (every office's steps); the league only the towns' own offices' steps.
    const [rows, totals] = await Promise.all([api('/api/monitor/league'), api('/api/monitor/totals')]);
    $('total-ontime').textContent = percent(totals.onTimeRate);
    $('total-red').textContent = totals.openRedWarnings;
    $('total-suspended').textContent = totals.suspendedProjects;
    const sorted = rows.slice().sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.completedTasks - a.completedTasks);
    const body = $('league-table').querySelector('tbody');
    body.innerHTML = '';
    sorted.forEach(r => {
      const tr = document.createElement('tr');
      tr.append(cell(r.townName),
        cell(r.completedTasks),
        cell(r.onTimeTasks),
        linkCell(percent(r.onTimeRate), () => drill({ figure: 'late-tasks', town: r.townCode }, '有乡镇经办事项超期办结的项目 · ' + r.townName)),
        linkCell(r.completedPhases, () => drill({ figure: 'phases-done', town: r.townCode }, '已办结阶段的项目 · ' + r.townName)),
        cell(r.averageWorkingDaysPerPhase === null ? null : r.averageWorkingDaysPerPhase.toFixed(1)),
        linkCell(r.openRedWarnings, () => drill({ figure: 'open-red', town: r.townCode }, '有乡镇经办事项未关闭红牌的项目 · ' + r.townName)));
      tr.dataset.town = r.townCode;
      body.appendChild(tr);
    });
    charts.league = echarts.init($('chart-league'));
    charts.league.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['按时率（%）', '未关闭红牌'] },
      grid: { left: 40, right: 40, bottom: 90 },
      xAxis: { type: 'category', data: sorted.map(r => r.townName), axisLabel: { interval: 0, rotate: 45 } },
      yAxis: [{ type: 'value', name: '按时率（%）', max: 100 }, { type: 'value', name: '红牌', minInterval: 1 }],
      series: [
        { name: '按时率（%）', type: 'bar', data: sorted.map(r => r.onTimeRate === null ? null : +(r.onTimeRate * 100).toFixed(1)) },
        { name: '未关闭红牌', type: 'line', yAxisIndex: 1, itemStyle: { color: '#cf1322' }, data: sorted.map(r => r.openRedWarnings) }
      ]
    });
    charts.league.on('click', params => {
      const r = sorted[params.dataIndex];
      drill(params.seriesIndex === 0 ? { figure: 'late-tasks', town: r.townCode } : { figure: 'open-red', town: r.townCode },
        (params.seriesIndex === 0 ? '有乡镇经办事项超期办结的项目 · ' : '有乡镇经办事项未关闭红牌的项目 · ') + r.townName);
    });
  }

  // --- 各单位办理时效 -----------------------------------------------------------------------------------------------
  async function loadOffices() {
    const month = $('office-month').value;
    const table = await api('/api/monitor/offices?month=' + encodeURIComponent(month));
    $('office-as-of').textContent = '统计时点：' + PUNING_MINUTE.format(new Date(table.asOf))
      + '（办结数为' + month.replace('-', '年').replace(/^(\d+年)0?(\d+)$/, '$1$2月') + '办结的事项）';
    const body = $('office-table').querySelector('tbody');
    body.innerHTML = '';
    if (!table.rows.length) emptyRow(body, '该月没有办结的事项，也没有在办的事项', 7);
    table.rows.forEach(r => {
      const tr = document.createElement('tr');
      tr.dataset.office = r.office;
      tr.append(cell(r.officeName), cell(r.completedTasks), cell(r.onTimeTasks), cell(percent(r.onTimeRate)),
        cell(r.averageWorkingDays === null ? '—' : r.averageWorkingDays.toFixed(1)), cell(r.openTasks),
        cell(r.overdueTasks, r.overdueTasks > 0 ? 'grade-RED' : null));
      body.appendChild(tr);
    });
  }

  // --- trend --------------------------------------------------------------------------------------------------
  async function loadTrend() {
    const months = await api('/api/monitor/trend');
    charts.trend = echarts.init($('chart-trend'));
    charts.trend.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: TREND_SERIES.map(s => s.name) },
      xAxis: { type: 'category', data: months.map(m => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: TREND_SERIES.map(s => ({ name: s.name, type: 'line', data: months.map(m => m[s.key]) }))
    });
    charts.trend.on('click', params => {
      const s = TREND_SERIES[params.seriesIndex];
      const month = months[params.dataIndex].month;
      drill({ figure: s.figure, month: month }, s.name + ' · ' + month);
    });
  }

  // --- 月报表 ---------------------------------------------------------------------------------------------------
  async function loadReport() {
    const month = $('report-month').value;
    $('report-export').href = '/api/monitor/monthly-report.xlsx?month=' + encodeURIComponent(month);
    const table = await api('/api/monitor/monthly-report?month=' + encodeURIComponent(month));
    // As the exported workbook says it: the project counts are now's, whichever month is chosen; only the
    // warnings are the month's (an earlier month showed today's counts as if they were that month's).
    $('report-as-of').textContent = '统计时点：' + PUNING_MINUTE.format(new Date(table.asOf))
      + '（项目数为统计时点状态，不随所选月份变化；预警数为' + month.replace('-', '年').replace(/^(\d+年)0?(\d+)$/, '$1$2月') + '发生数）';
    const head = $('report-table').querySelector('thead');
    head.innerHTML = '';
    const hr = document.createElement('tr');
    // As the exported workbook heads them: a phase column counts the projects now in that phase (在办), so its
    // 纳入年度实施计划 (applying) does not read against 已列入年度计划 (listed).
    ['乡镇（街道、农场）', '已列入年度计划', '已开工'].concat(table.phases.map(p => p.label + '（在办）'))
      .concat(['已完成', '逾期', '本月发出预警', '本月关闭预警'])
      .forEach(h => { const th = document.createElement('th'); th.textContent = h; hr.appendChild(th); });
    head.appendChild(hr);
    const body = $('report-table').querySelector('tbody');
    body.innerHTML = '';
    table.rows.concat([table.total]).forEach(r => {
      const tr = document.createElement('tr');
      const t = r.townCode;
      // A town's row drills into its projects; the 合计 row (no town) into the whole city's.
      const link = (value, params, title) => value > 0
        ? linkCell(value, () => drill(Object.assign(t ? { town: t } : {}, params), title + ' · ' + (t ? r.townName : '全市')))
        : cell(value);
      tr.append(cell(r.townName), link(r.projectsInPlan, { figure: 'in-plan' }, '已列入年度计划的项目'),
        link(r.projectsStarted, { figure: 'started' }, '已开工项目'));
      table.phases.forEach(p => tr.append(link(r.projectsByPhase[p.code], { figure: 'in-phase', phase: p.code }, p.label)));
      tr.append(link(r.projectsCompleted, { figure: 'completed' }, '已完成项目'),
        link(r.projectsOverdue, { figure: 'overdue' }, '有逾期事项的项目'),
        link(r.warningsRaised, { figure: 'warnings-raised', month: month }, '当月发出预警的项目'),
        link(r.warningsClosed, { figure: 'warnings-closed', month: month }, '当月关闭预警的项目'));
      body.appendChild(tr);
    });
  }

  /**
   * The months of the 月报表, newest first, in Chinese whatever the browser's language (the browser's own month picker
   * was English in an English browser, and could be emptied): as the server lists them (/api/monitor/report-months:
   * this month back to the first project's, at least the last 12; a fixed four years hid the older ones and
   * offered years before the installation).
   */
  function fillMonths(select, months) {
    for (const month of months) {
      const option = document.createElement('option');
      const [year, number] = month.split('-');
      option.value = month;
      option.textContent = year + '年' + Number(number) + '月';
      select.appendChild(option);
    }
  }

  async function start() {
    $('drill-close').addEventListener('click', e => { e.preventDefault(); $('drill-panel').hidden = true; });
    const suspended = () => drill({ figure: 'suspended' }, '审批流程已挂起的项目');
    $('total-suspended').addEventListener('click', suspended);
    $('total-suspended').addEventListener('keydown', e => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); suspended(); }
    });
    try {
      const first = await api('/api/monitor/phase-town-grade');
      towns = first.towns;
      phases = first.phases;
      const months = await api('/api/monitor/report-months');
      fillMonths($('report-month'), months);
      fillMonths($('office-month'), months);
      fillTownSelect($('grade-town'), drawGrades);
      fillTownSelect($('overdue-town'), () => loadOverdue().catch(e => showError(e.message)));
      fillTownSelect($('breach-town'), () => loadBreaches().catch(e => showError(e.message)));
      $('report-month').addEventListener('change', () => loadReport().catch(e => showError(e.message)));
      $('office-month').addEventListener('change', () => loadOffices().catch(e => showError(e.message)));
      await Promise.all([loadGrades(), loadOverdue(), loadBreaches(), loadLeague(), loadOffices(), loadTrend(), loadReport()]);
      document.body.dataset.loaded = 'true';
    } catch (e) {
      showError(e.message);
      if (e.status === 403) {
        // Not the user's figures: no empty dashboard under the refusal, only the way back.
        document.querySelector('main').hidden = true;
      }
    }
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  }

  start();
})();
