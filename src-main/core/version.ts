/** The name and version Kedai reports about itself, from package.json at build time. */
import packageJson from '../../package.json'

export const appName = 'Kedai'
export const appVersion: string = packageJson.version
