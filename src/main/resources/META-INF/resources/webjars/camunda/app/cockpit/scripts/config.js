/*
 * Camunda Cockpit's configuration for the 工改工 workflow (replaces the one in Camunda's webjar, which holds only
 * commented examples): Chinese whatever the browser's language, as the other pages (locales/zh.json). Cockpit is
 * used by the natural resources bureau, the leading group and its office (AuthorizationSeeder.COCKPIT_GROUPS) and the
 * administrators.
 */
export default {
  app: {
    name: '驾驶舱',
    vendor: '工改工'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // Marks the page of a user outside admins (html.ggg-officer): styles/user-styles.css hides what is not theirs.
  customScripts: ['../tasklist/scripts/officer-view']
};
