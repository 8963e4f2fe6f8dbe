/** Labels of the publishing domain's values (kinds, states, topics, lists) from the pub_ catalog. */
import { m } from '$lib/paraglide/messages.js';

type Msg = () => string;

const KINDS: Record<string, Msg> = {
	analytical: m.pub_kind_analytical,
	publicistic: m.pub_kind_publicistic,
	research: m.pub_kind_research,
	news: m.pub_kind_news,
	mini_case: m.pub_kind_mini_case
};
const STATUSES: Record<string, Msg> = {
	draft: m.pub_status_draft,
	in_review: m.pub_status_in_review,
	scheduled: m.pub_status_scheduled,
	published: m.pub_status_published,
	archived: m.pub_status_archived
};
const TOPICS: Record<string, Msg> = {
	'e-democracy': m.pub_topic_e_democracy,
	'e-services': m.pub_topic_e_services,
	'open-data': m.pub_topic_open_data,
	legislation: m.pub_topic_legislation,
	'local-government': m.pub_topic_local_government,
	education: m.pub_topic_education,
	monitoring: m.pub_topic_monitoring
};
const BULLETIN_STATUSES: Record<string, Msg> = { draft: m.pub_bstatus_draft, scheduled: m.pub_bstatus_scheduled, published: m.pub_bstatus_published };
const CAMPAIGN_STATUSES: Record<string, Msg> = { draft: m.pub_cstatus_draft, running: m.pub_cstatus_running, paused: m.pub_cstatus_paused, completed: m.pub_cstatus_completed };
const SUBSCRIBER_STATUSES: Record<string, Msg> = {
	pending: m.pub_sstatus_pending,
	confirmed: m.pub_sstatus_confirmed,
	unsubscribed: m.pub_sstatus_unsubscribed,
	bounced: m.pub_sstatus_bounced
};
const LISTS: Record<string, Msg> = { bulletin: m.pub_list_bulletin, news: m.pub_list_news, events: m.pub_list_events };
const EVENTS: Record<string, Msg> = {
	created: m.pub_revision_event_created,
	edited: m.pub_revision_event_edited,
	submit: m.pub_revision_event_submit,
	return: m.pub_revision_event_return,
	schedule: m.pub_revision_event_schedule,
	publish: m.pub_revision_event_publish,
	archive: m.pub_revision_event_archive,
	restore: m.pub_revision_event_restore
};
const FIELDS: Record<string, Msg> = {
	titleUk: m.pub_field_name_titleUk,
	titleEn: m.pub_field_name_titleEn,
	summaryUk: m.pub_field_name_summaryUk,
	summaryEn: m.pub_field_name_summaryEn,
	bodyUk: m.pub_field_name_bodyUk,
	bodyEn: m.pub_field_name_bodyEn
};
const STEPS: Record<string, Msg> = {
	submit: m.pub_step_submit,
	return: m.pub_step_return,
	schedule: m.pub_step_schedule,
	publish: m.pub_step_publish,
	archive: m.pub_step_archive,
	restore: m.pub_step_restore
};

const label = (map: Record<string, Msg>) => (key: string) => map[key]?.() ?? key;

export const kindLabel = label(KINDS);
export const statusLabel = label(STATUSES);
export const topicLabel = label(TOPICS);
export const bulletinStatusLabel = label(BULLETIN_STATUSES);
export const campaignStatusLabel = label(CAMPAIGN_STATUSES);
export const subscriberStatusLabel = label(SUBSCRIBER_STATUSES);
export const listLabel = label(LISTS);
export const revisionEventLabel = label(EVENTS);
export const fieldLabel = label(FIELDS);
export const stepLabel = label(STEPS);
