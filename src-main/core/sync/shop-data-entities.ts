/**
 * The shop data that is not about one customer, registered as synced kinds: quick replies,
 * template drafts and the cost settings (budgets included). Each kind's writer lives with its
 * store; this file only names them to the log, so every device writes them the same way.
 */
import { materialiseCostSetting } from '../costs/cost-settings-store'
import { materialiseQuickReply } from '../quick-replies/quick-reply-store'
import { materialiseTemplate } from '../templates/template-store'
import { registerEntity } from './entities'

registerEntity('quickReply', { materialise: materialiseQuickReply })
registerEntity('template', { materialise: materialiseTemplate })
registerEntity('setting', { materialise: materialiseCostSetting })
