import { m } from '$lib/paraglide/messages.js';

export function audienceLabel(audience: string): string {
	if (audience === 'scientists') return m.rating_audience_scientists();
	if (audience === 'government') return m.rating_audience_government();
	return m.rating_audience_cities();
}

export function topicLabel(topic: string): string {
	if (topic === 'websites') return m.rating_topic_websites();
	if (topic === 'edms') return m.rating_topic_edms();
	if (topic === 'cnap') return m.rating_topic_cnap();
	return m.rating_topic_general();
}

export function kindLabel(kind: string): string {
	return kind === 'binary' ? m.rating_kind_binary() : m.rating_kind_scale();
}

export const fmt = (locale: string) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'uk', { maximumFractionDigits: 2 });
