/**
 * The Expert Club (issue 8): members with club roles, quarterly meetings, discussions with digests,
 * resolutions drafted together (paragraphs with stable ids, comments and amendments per paragraph or
 * quoted span, versions and their diff, votes with quorum and threshold, adoption with a SHA-256
 * fingerprint and a PDF, addressed bodies and their replies), public consultations with a report, and
 * citations of acts and courses. ADR 0016. Who may do what: ../auth/permissions.ts (club:*).
 *
 * For other domains: citationsOf('act', slug) (the library's act page), resolutionSearchSource.
 */
export * from './errors.ts';
export { clubRoleOf, membershipOf, requestMembership, inviteMember, decideMember, updateOwnProfile, publicMembers, allMembers, votingMemberCount, type ClubRole, type PublicMember, type ProfileInput } from './members.ts';
export { createResolution, getResolutionMeta, saveVersion, paragraphsOf, addComment, decideAmendment, hideComment, openVoting, castVote, closeVoting, tallyVotes, currentTally, addAddressee, markSent, recordAnswer, readParagraphs, type Actor, type Tally, type Signatory, type CommentInput, type ResolutionInput } from './resolutions.ts';
export { resolutionPage, listResolutions, versionsDiff, adoptedRecord, type ResolutionPage, type ParagraphView, type CommentView } from './page.ts';
export { openConsultation, getConsultation, listConsultations, addPublicComment, closeDueConsultations, decidePublicComment, publishReport, consultationReport, isOpen, type ReportRow } from './consultations.ts';
export { listDiscussions, startDiscussion, reply, setFollowing, hidePost, discussionPage, mentionsIn, TOPICS, type PostNode } from './discussions.ts';
export { createMeeting, recordMinutes, listMeetings, meetingPage, parseAgenda, parseMaterials } from './meetings.ts';
export { citationsOf, extractCitations, type CitationBack } from './citations.ts';
export { resolutionPdf } from './pdf.ts';
export { resolutionSearchSource } from './search-source.ts';
export { joinParagraphs, splitParagraphs, alignParagraphs, canonicalText, sha256Hex, versionDiff, wordDiff, renderUserText, type Paragraph, type ParagraphDiff, type DiffPart } from './text.ts';
export { seedClub } from './seed.ts';
