/*
 * The Camunda welcome page's configuration for the 工改工 workflow (replaces the one in Camunda's webjar). Chinese
 * whatever the browser's language (locales/zh.json), and links to the product's own pages, where officers do their
 * work and the leading group watches every project.
 */
export default {
  app: {
    name: '欢迎',
    vendor: '工改工'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // Marks an officer's page (html.ggg-officer) as in Tasklist: styles/user-styles.css hides what is not theirs.
  customScripts: ['../tasklist/scripts/officer-view'],
  links: [
    {
      label: '我的待办',
      href: '/',
      description: '工改工项目审批：本单位待办理的任务、项目详情、会议决定和消息通知'
    },
    {
      label: '领导小组监控',
      href: '/monitor/',
      description: '领导小组及其办公室、市自然资源局使用：各镇街、各阶段的项目情况，逾期任务、预警和督办'
    }
  ]
};
