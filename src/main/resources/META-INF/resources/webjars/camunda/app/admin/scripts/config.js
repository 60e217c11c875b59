/*
 * Camunda Admin's configuration for the 工改工 workflow (replaces the one in Camunda's webjar): Chinese whatever the
 * browser's language, as the other pages (locales/zh.json). In the Keycloak mode users and groups are Keycloak's,
 * which Admin only reads.
 */
export default {
  app: {
    name: '系统管理',
    vendor: '工改工'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // After 注销, leads to the product's login instead of Camunda's own form (as in the other webapps).
  customScripts: ['../tasklist/scripts/officer-view']
};
