/** The view each sidebar screen shows. */
import type { Component } from 'vue'
import type { Screen } from '../stores/navigation'
import CostsView from './CostsView.vue'
import InboxView from './InboxView.vue'
import SettingsView from './SettingsView.vue'
import TemplatesView from './TemplatesView.vue'

export const screenViews: Record<Screen, Component> = {
  inbox: InboxView,
  templates: TemplatesView,
  costs: CostsView,
  settings: SettingsView,
}
