import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { connectBridge } from './bridge/connect'
import { bridgeKey } from './bridge/inject'

const app = createApp(App)
app.provide(bridgeKey, connectBridge())
app.use(createPinia())
app.mount('#app')
