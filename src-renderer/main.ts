// First: zod must know about the CSP before anything parses (see the module).
import './bridge/zod-without-eval'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { languageFromLocale } from '../src-shared/preferences/preferences'
import App from './App.vue'
import { connectBridge } from './bridge/connect'
import { watchConnection } from './bridge/connection-watch'
import { bridgeKey } from './bridge/inject'
import { createKedaiI18n } from './i18n/create-i18n'
import { useConnectionStore } from './stores/connection'
import './styles/theme.css'
import './styles/base.css'
import './styles/forms.css'
import './styles/inbox.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
// The computer's language until the saved preference arrives from core.
app.use(createKedaiI18n(languageFromLocale(navigator.language)))

const connection = useConnectionStore(pinia)
const { client, missingToken } = connectBridge()
if (missingToken) connection.noteMissingToken()
app.provide(bridgeKey, watchConnection(client, connection))

app.mount('#app')
