/**
 * The relay under benchmark, in its own thread so the load generator does not share its event
 * loop. Started by intake-bench.ts with the relay's config as workerData; posts its address and
 * an enrolment code, and stops on `close`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import type { RelayConfig } from '../relay/relay-config'
import { startRelay } from '../relay/start-relay'

function threadPort(): MessagePort {
  if (!parentPort) throw new Error('relay-thread must run in a worker thread')
  return parentPort
}

const port = threadPort()

startRelay(workerData as RelayConfig).then(
  async (relay) => {
    const invite = await relay.createInvite()
    const delay = monitorEventLoopDelay({ resolution: 10 })
    port.on('message', (message: { type: string }) => {
      if (message.type === 'measure') {
        delay.reset()
        delay.enable()
        return
      }
      if (message.type === 'report') {
        delay.disable()
        port.postMessage({
          type: 'report',
          p99Ms: delay.percentile(99) / 1e6,
          maxMs: delay.max / 1e6,
        })
        return
      }
      relay.close().then(
        () => port.close(),
        () => port.close(),
      )
    })
    port.postMessage({
      type: 'ready',
      url: relay.url,
      webhookUrl: relay.webhookUrl,
      code: invite.code,
    })
  },
  (cause: unknown) => {
    port.postMessage({
      type: 'failed',
      message: cause instanceof Error ? cause.message : String(cause),
    })
    port.close()
  },
)
