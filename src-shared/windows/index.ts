export {
  type WindowMessage,
  countedMessages,
  freeEntryPointMs,
  hourMs,
  serviceWindowMs,
} from './window-message'
export { type ServiceWindow, serviceWindowAt } from './service-window'
export { type FreeEntryPoint, freeEntryPointAt } from './free-entry-point'
export { type TimeLeft, timeLeft } from './time-left'
