/**
 * One device's own road to the relay: a TCP proxy on loopback that can be cut (every open
 * connection dropped, new ones refused) and mended, so one device goes offline while the others
 * stay online. The relay may restart behind it on the same port.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface LoopbackProxy {
  readonly url: string
  cut(): void
  mend(): void
  readonly isCut: boolean
  close(): Promise<void>
}

export async function startLoopbackProxy(targetPort: () => number): Promise<LoopbackProxy> {
  const open = new Set<Socket>()
  let cut = false
  const server: Server = createServer((inbound) => {
    if (cut) {
      inbound.destroy()
      return
    }
    const outbound = connect(targetPort(), '127.0.0.1')
    open.add(inbound)
    open.add(outbound)
    const drop = () => {
      inbound.destroy()
      outbound.destroy()
      open.delete(inbound)
      open.delete(outbound)
    }
    inbound.on('error', drop).on('close', drop)
    outbound.on('error', drop).on('close', drop)
    inbound.pipe(outbound)
    outbound.pipe(inbound)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const dropAll = () => {
    for (const socket of open) socket.destroy()
    open.clear()
  }
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      cut = true
      dropAll()
    },
    mend() {
      cut = false
    },
    get isCut() {
      return cut
    },
    close() {
      cut = true
      dropAll()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
