/*
 * Tasklist's configuration for the 工改工 workflow (replaces the one in Camunda's webjar: the application's classes
 * come first on the class path). Tasklist speaks Chinese whatever the browser's language, as the officers' own pages
 * do: "zh" is its only locale (locales/zh.json, next to this folder), so a browser set to English or German gets it
 * too. Camunda's own configuration keys: https://docs.camunda.org/manual/7.24/webapps/tasklist/configuration/
 */
export default {
  app: {
    name: '任务列表',
    vendor: '工改工'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // Hides from officers the controls that only administrators may use (scripts/officer-view.js).
  customScripts: ['scripts/officer-view'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
