/**
 * `npm run simulate -- --runs N --seed S [--steps K]`: N seeded runs of a shop with three devices,
 * a relay and the Cloud API emulator on loopback (see tests/support/simulation). Run i uses seed
 * S + i. Prints each run, then how many runs held each invariant and the failing seeds; exits 1
 * on any violation. `--runs 1 --seed <failing seed>` replays a failure.
 */
import { parseArgs } from 'node:util'
import {
  invariantNames,
  runSimulation,
  type RunResult,
} from '../tests/support/simulation/run-simulation'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      steps: { type: 'string', default: '40' },
    },
  })
  const runs = Number(values.runs)
  const seed = Number(values.seed)
  const steps = Number(values.steps)
  if (!(runs > 0) || !Number.isInteger(seed) || !(steps > 0)) {
    throw new Error('--runs and --steps must be positive numbers, --seed a whole number')
  }
  const results: RunResult[] = []
  for (let i = 0; i < runs; i += 1) {
    const result = await runSimulation(seed + i, { steps })
    results.push(result)
    const verdict = result.violations.length === 0 ? 'held' : 'VIOLATED'
    process.stdout.write(
      `seed ${result.seed}: ${verdict} (healed in ${result.healMs} ms; ${Object.entries(
        result.counts,
      )
        .map(([what, n]) => `${what} ${n}`)
        .join(', ')})\n`,
    )
    for (const violation of result.violations) {
      process.stdout.write(`  ${violation.invariant}: ${violation.detail}\n`)
    }
  }
  const failing = results.filter((r) => r.violations.length > 0).map((r) => r.seed)
  process.stdout.write(`\n${runs} runs\n`)
  for (const name of invariantNames) {
    const broken = results.filter((r) => r.violations.some((v) => v.invariant === name))
    process.stdout.write(
      `${broken.length === 0 ? 'held' : 'BROKEN'}  ${name}: ${runs - broken.length}/${runs}${broken.length ? ` (seeds ${broken.map((r) => r.seed).join(', ')})` : ''}\n`,
    )
  }
  if (failing.length > 0) {
    process.stdout.write(`failing seeds: ${failing.join(', ')}\n`)
    process.exit(1)
  }
  process.exit(0)
}

main().catch((cause: unknown) => {
  process.stderr.write(
    `${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`,
  )
  process.exit(2)
})
