-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "GlobalRole" AS ENUM ('admin', 'editor', 'instructor', 'expert', 'learner', 'contributor');

-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('manager', 'staff');

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('local_government', 'state_body', 'ngo', 'other');

-- CreateEnum
CREATE TYPE "AuthTokenPurpose" AS ENUM ('verify_email', 'reset_password', 'sign_in_ticket');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'kept');

-- CreateEnum
CREATE TYPE "ActStatus" AS ENUM ('in_force', 'repealed', 'not_in_force', 'suspended', 'undetermined', 'other');

-- CreateEnum
CREATE TYPE "ActRelationKind" AS ENUM ('amends', 'repeals', 'suspends', 'approves', 'refers_to');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('running', 'finished', 'failed');

-- CreateEnum
CREATE TYPE "XapiDocumentKind" AS ENUM ('state', 'activity_profile', 'agent_profile');

-- CreateEnum
CREATE TYPE "CourseAudience" AS ENUM ('citizens', 'civil_servants', 'all');

-- CreateEnum
CREATE TYPE "CourseLevel" AS ENUM ('beginner', 'intermediate', 'advanced');

-- CreateEnum
CREATE TYPE "CourseFormat" AS ENUM ('self_paced', 'blended', 'instructor_led');

-- CreateEnum
CREATE TYPE "EnrolmentMode" AS ENUM ('open', 'assigned', 'approval');

-- CreateEnum
CREATE TYPE "LessonKind" AS ENUM ('text', 'video', 'h5p', 'quiz');

-- CreateEnum
CREATE TYPE "LessonCompletionRule" AS ENUM ('viewed', 'quiz_passed', 'h5p_completed');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('requested', 'active', 'completed', 'withdrawn', 'declined');

-- CreateEnum
CREATE TYPE "QuestionType" AS ENUM ('single', 'multiple', 'true_false', 'matching', 'ordering', 'short_answer');

-- CreateEnum
CREATE TYPE "QuizReview" AS ENUM ('never', 'after_submit', 'after_pass');

-- CreateEnum
CREATE TYPE "QuizAttemptStatus" AS ENUM ('in_progress', 'submitted', 'expired');

-- CreateEnum
CREATE TYPE "H5PSource" AS ENUM ('course', 'upload');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('webinar', 'internship', 'study_visit', 'workshop', 'club_meeting');

-- CreateEnum
CREATE TYPE "EventFormat" AS ENUM ('online', 'in_person', 'hybrid');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('scheduled', 'cancelled');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('registered', 'waitlisted', 'cancelled');

-- CreateEnum
CREATE TYPE "AttendanceSource" AS ENUM ('host', 'code', 'recording');

-- CreateEnum
CREATE TYPE "CertificateKind" AS ENUM ('course', 'programme');

-- CreateEnum
CREATE TYPE "CertnTargetType" AS ENUM ('organization', 'department', 'position', 'person');

-- CreateEnum
CREATE TYPE "CertnDueKind" AS ENUM ('fixed', 'after_hire', 'after_assignment');

-- CreateEnum
CREATE TYPE "CertnBasis" AS ENUM ('earned', 'recertified', 'override');

-- CreateEnum
CREATE TYPE "CertnHistoryKind" AS ENUM ('assigned', 'unassigned', 'certified', 'recertified', 'override', 'revoked', 'status', 'programme_version');

-- CreateEnum
CREATE TYPE "CertnAssessmentKind" AS ENUM ('self', 'manager');

-- CreateEnum
CREATE TYPE "CertnPlanItemStatus" AS ENUM ('planned', 'done', 'dropped');

-- CreateEnum
CREATE TYPE "ClubRole" AS ENUM ('coordinator', 'member', 'observer');

-- CreateEnum
CREATE TYPE "ClubMemberStatus" AS ENUM ('invited', 'requested', 'active', 'removed');

-- CreateEnum
CREATE TYPE "ClubDigest" AS ENUM ('daily', 'weekly', 'off');

-- CreateEnum
CREATE TYPE "ClubResolutionKind" AS ENUM ('resolution', 'recommendations');

-- CreateEnum
CREATE TYPE "ClubResolutionStatus" AS ENUM ('draft', 'voting', 'adopted', 'rejected');

-- CreateEnum
CREATE TYPE "ClubCommentKind" AS ENUM ('comment', 'amendment', 'public');

-- CreateEnum
CREATE TYPE "ClubDecision" AS ENUM ('open', 'accepted', 'rejected');

-- CreateEnum
CREATE TYPE "ClubVoteChoice" AS ENUM ('for', 'against', 'abstain');

-- CreateEnum
CREATE TYPE "ClubConsultationStatus" AS ENUM ('open', 'closed', 'reported');

-- CreateEnum
CREATE TYPE "ArticleKind" AS ENUM ('analytical', 'publicistic', 'research', 'news', 'mini_case');

-- CreateEnum
CREATE TYPE "ArticleStatus" AS ENUM ('draft', 'in_review', 'scheduled', 'published', 'archived');

-- CreateEnum
CREATE TYPE "BulletinStatus" AS ENUM ('draft', 'scheduled', 'published');

-- CreateEnum
CREATE TYPE "SubscriberStatus" AS ENUM ('pending', 'confirmed', 'unsubscribed', 'bounced');

-- CreateEnum
CREATE TYPE "SubscriptionList" AS ENUM ('bulletin', 'news', 'events');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('draft', 'running', 'paused', 'completed');

-- CreateEnum
CREATE TYPE "CampaignDeliveryStatus" AS ENUM ('pending', 'queued', 'skipped');

-- CreateEnum
CREATE TYPE "RatingIndicatorKind" AS ENUM ('binary', 'scale');

-- CreateEnum
CREATE TYPE "ContestStatus" AS ENUM ('draft', 'registration', 'screening', 'final', 'closed', 'published');

-- CreateEnum
CREATE TYPE "ContestRound" AS ENUM ('screening', 'final');

-- CreateEnum
CREATE TYPE "ContestEntryStatus" AS ENUM ('submitted', 'withdrawn', 'disqualified');

-- CreateEnum
CREATE TYPE "PracticeCaseStatus" AS ENUM ('draft', 'submitted', 'changes_requested', 'published');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "passwordHash" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'uk',
    "roles" "GlobalRole"[] DEFAULT ARRAY['learner']::"GlobalRole"[],
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "sessionsRevokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "shortNameUk" TEXT,
    "shortNameEn" TEXT,
    "city" TEXT,
    "edrpou" TEXT,
    "website" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "departmentId" TEXT,
    "role" "OrgRole" NOT NULL DEFAULT 'staff',
    "position" TEXT,
    "hiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "roles" "GlobalRole"[] DEFAULT ARRAY['learner']::"GlobalRole"[],
    "organizationId" TEXT,
    "departmentId" TEXT,
    "orgRole" "OrgRole",
    "position" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'uk',
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("provider","providerAccountId")
);

-- CreateTable
CREATE TABLE "Session" (
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "AuthToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "AuthTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "subjectUserId" TEXT,
    "organizationId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT,
    "icalEvent" JSONB,
    "status" "MailStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "messageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalAct" (
    "id" TEXT NOT NULL,
    "nreg" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "number" TEXT,
    "types" TEXT[],
    "adoptedOn" DATE,
    "issuers" TEXT[],
    "title" TEXT NOT NULL,
    "status" "ActStatus" NOT NULL DEFAULT 'undetermined',
    "statusText" TEXT,
    "topics" TEXT[],
    "registration" TEXT,
    "currentRedactionOn" DATE,
    "hasText" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT,
    "sourceUrl" TEXT,
    "attribution" TEXT,
    "contentHash" TEXT,
    "searchKeys" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalAct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActVersion" (
    "id" TEXT NOT NULL,
    "actId" TEXT NOT NULL,
    "redactionOn" DATE NOT NULL,
    "changedByNreg" TEXT,
    "changedByLabel" TEXT,
    "body" TEXT NOT NULL,
    "units" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "importRunId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActRelation" (
    "id" TEXT NOT NULL,
    "kind" "ActRelationKind" NOT NULL,
    "statedInId" TEXT NOT NULL,
    "sourceNreg" TEXT NOT NULL,
    "targetNreg" TEXT NOT NULL,
    "label" TEXT,
    "date" DATE,
    "anchors" TEXT[],

    CONSTRAINT "ActRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "bytes" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER,
    "report" JSONB NOT NULL DEFAULT '[]',
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'uk',
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "subtitle" TEXT,
    "body" TEXT NOT NULL,
    "keys" TEXT[],
    "types" TEXT[],
    "issuers" TEXT[],
    "status" TEXT,
    "year" INTEGER,
    "date" DATE,
    "tsv" tsvector,
    "head" tsvector,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "word" TEXT NOT NULL,
    "docs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("word")
);

-- CreateTable
CREATE TABLE "XapiStatement" (
    "seq" BIGSERIAL NOT NULL,
    "statementId" UUID NOT NULL,
    "stored" TIMESTAMPTZ(3) NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "statement" JSONB NOT NULL,
    "verbId" TEXT NOT NULL,
    "actorIfi" TEXT,
    "objectType" TEXT NOT NULL,
    "objectActivityId" TEXT,
    "objectStatementRef" UUID,
    "registration" UUID,
    "voided" BOOLEAN NOT NULL DEFAULT false,
    "voiding" BOOLEAN NOT NULL DEFAULT false,
    "authorityIfi" TEXT NOT NULL,
    "clientId" TEXT,
    "userId" TEXT,

    CONSTRAINT "XapiStatement_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "XapiStatementActivity" (
    "statementSeq" BIGINT NOT NULL,
    "activityId" TEXT NOT NULL,
    "direct" BOOLEAN NOT NULL,

    CONSTRAINT "XapiStatementActivity_pkey" PRIMARY KEY ("statementSeq","activityId")
);

-- CreateTable
CREATE TABLE "XapiStatementAgent" (
    "statementSeq" BIGINT NOT NULL,
    "ifi" TEXT NOT NULL,
    "direct" BOOLEAN NOT NULL,

    CONSTRAINT "XapiStatementAgent_pkey" PRIMARY KEY ("statementSeq","ifi")
);

-- CreateTable
CREATE TABLE "XapiAttachment" (
    "sha2" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "XapiAttachment_pkey" PRIMARY KEY ("sha2")
);

-- CreateTable
CREATE TABLE "XapiActivity" (
    "activityId" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "XapiActivity_pkey" PRIMARY KEY ("activityId")
);

-- CreateTable
CREATE TABLE "XapiAgent" (
    "ifi" TEXT NOT NULL,
    "agent" JSONB NOT NULL,
    "name" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "XapiAgent_pkey" PRIMARY KEY ("ifi")
);

-- CreateTable
CREATE TABLE "XapiDocument" (
    "id" TEXT NOT NULL,
    "kind" "XapiDocumentKind" NOT NULL,
    "activityId" TEXT NOT NULL DEFAULT '',
    "agentIfi" TEXT NOT NULL DEFAULT '',
    "registration" TEXT NOT NULL DEFAULT '',
    "documentId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "etag" TEXT NOT NULL,
    "updated" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "XapiDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "XapiClient" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "activityPrefixes" TEXT[],
    "agentPatterns" TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "XapiClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryUk" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "descriptionUk" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "outcomesUk" TEXT[],
    "outcomesEn" TEXT[],
    "audience" "CourseAudience" NOT NULL,
    "topics" TEXT[],
    "level" "CourseLevel" NOT NULL,
    "format" "CourseFormat" NOT NULL,
    "language" TEXT NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "credits" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "competencies" JSONB NOT NULL,
    "prerequisites" TEXT[],
    "instructors" JSONB NOT NULL,
    "enrolmentMode" "EnrolmentMode" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 100,
    "contentHash" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "importedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseModule" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryUk" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "CourseModule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "LessonKind" NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "videoUrl" TEXT,
    "captionsUrl" TEXT,
    "durationMinutes" INTEGER,
    "completion" "LessonCompletionRule" NOT NULL,
    "minScore" DOUBLE PRECISION,
    "optional" BOOLEAN NOT NULL DEFAULT false,
    "quizId" TEXT,
    "h5pContentId" TEXT,
    "sourcePath" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Lesson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionBank" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL DEFAULT '',
    "titleEn" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "QuestionBank_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "QuestionType" NOT NULL,
    "promptHtml" TEXT NOT NULL,
    "explanationHtml" TEXT NOT NULL DEFAULT '',
    "points" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "data" JSONB NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quiz" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "passMark" DOUBLE PRECISION NOT NULL,
    "maxAttempts" INTEGER,
    "timeLimitSeconds" INTEGER,
    "review" "QuizReview" NOT NULL DEFAULT 'after_submit',
    "shuffleQuestions" BOOLEAN NOT NULL DEFAULT false,
    "shuffleOptions" BOOLEAN NOT NULL DEFAULT true,
    "draws" JSONB NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Quiz_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "H5PContent" (
    "id" TEXT NOT NULL,
    "courseId" TEXT,
    "source" "H5PSource" NOT NULL,
    "title" TEXT NOT NULL,
    "mainLibrary" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "fileCount" INTEGER NOT NULL,
    "uploadedById" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "H5PContent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "EnrollmentStatus" NOT NULL,
    "organizationId" TEXT,
    "requestedAt" TIMESTAMP(3),
    "enrolledAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "score" DOUBLE PRECISION,
    "assignedById" TEXT,
    "approvedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "note" TEXT,
    "lastLessonId" TEXT,
    "lastActivityAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseCompletion" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "score" DOUBLE PRECISION,
    "courseHash" TEXT NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "credits" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "CourseCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "id" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstViewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastViewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "bestScore" DOUBLE PRECISION,

    CONSTRAINT "LessonProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "QuizAttemptStatus" NOT NULL DEFAULT 'in_progress',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "layout" JSONB NOT NULL,
    "answers" JSONB,
    "results" JSONB,
    "score" DOUBLE PRECISION,
    "maxScore" DOUBLE PRECISION NOT NULL,
    "percent" DOUBLE PRECISION,
    "passed" BOOLEAN,

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseImport" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "folderHash" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL DEFAULT false,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "archived" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER,
    "report" JSONB,

    CONSTRAINT "CourseImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "format" "EventFormat" NOT NULL DEFAULT 'online',
    "status" "EventStatus" NOT NULL DEFAULT 'scheduled',
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryUk" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "descriptionUk" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "placeUk" TEXT,
    "placeEn" TEXT,
    "address" TEXT,
    "programme" JSONB NOT NULL DEFAULT '[]',
    "joinUrl" TEXT,
    "joinOpensMinutes" INTEGER NOT NULL DEFAULT 15,
    "speakers" JSONB NOT NULL DEFAULT '[]',
    "materials" JSONB NOT NULL DEFAULT '[]',
    "courseIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "competencies" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "credits" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "countsTowardCourses" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER,
    "registrationOpensAt" TIMESTAMP(3),
    "registrationClosesAt" TIMESTAMP(3),
    "groupMax" INTEGER NOT NULL DEFAULT 10,
    "questions" JSONB NOT NULL DEFAULT '[]',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "checkinCode" TEXT NOT NULL,
    "hostIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "organizerName" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "feedbackMailedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationGroup" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "registrantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organizationName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT,
    "registrantId" TEXT NOT NULL,
    "groupId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organizationName" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'uk',
    "status" "RegistrationStatus" NOT NULL,
    "position" INTEGER,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "sequenceOffset" INTEGER NOT NULL DEFAULT 0,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promotedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventReminder" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "registrationId" TEXT,
    "userId" TEXT,
    "source" "AttendanceSource" NOT NULL,
    "recordedById" TEXT,
    "attendedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recording" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "durationMinutes" INTEGER,
    "materials" JSONB NOT NULL DEFAULT '[]',
    "countsAsAttendance" BOOLEAN NOT NULL DEFAULT false,
    "minWatchRatio" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "announcedAt" TIMESTAMP(3),

    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordingView" (
    "id" TEXT NOT NULL,
    "recordingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "RecordingView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackSurvey" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventFeedToken" (
    "userId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventFeedToken_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "userId" TEXT,
    "holderName" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceVersion" TEXT,
    "issueKey" TEXT NOT NULL DEFAULT 'first',
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "hours" DOUBLE PRECISION,
    "credits" DOUBLE PRECISION,
    "competencies" JSONB NOT NULL DEFAULT '[]',
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revocationReason" TEXT,
    "revokedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetencyFramework" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionUk" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "sourceNote" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompetencyFramework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetencyArea" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,

    CONSTRAINT "CompetencyArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Competency" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionUk" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "levels" JSONB NOT NULL,
    "courseIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "eventSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Competency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetencyAssessment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "kind" "CertnAssessmentKind" NOT NULL,
    "assessorId" TEXT NOT NULL,
    "ratings" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompetencyAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentPlan" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DevelopmentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentPlanItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "competencyCode" TEXT NOT NULL,
    "currentLevel" INTEGER NOT NULL,
    "targetLevel" INTEGER NOT NULL,
    "activityKind" TEXT NOT NULL,
    "activityRef" TEXT NOT NULL,
    "targetDate" TIMESTAMP(3) NOT NULL,
    "status" "CertnPlanItemStatus" NOT NULL DEFAULT 'planned',
    "note" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DevelopmentPlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationProgramme" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "organizationId" TEXT,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionUk" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "reminderDays" INTEGER[] DEFAULT ARRAY[30, 7, 1]::INTEGER[],
    "archivedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CertificationProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationProgrammeVersion" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "requirements" JSONB NOT NULL,
    "recertRequirements" JSONB NOT NULL,
    "validityMonths" INTEGER NOT NULL,
    "windowDays" INTEGER NOT NULL,
    "competencies" JSONB NOT NULL DEFAULT '[]',
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificationProgrammeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationAssignment" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "targetType" "CertnTargetType" NOT NULL,
    "departmentId" TEXT,
    "position" TEXT,
    "userId" TEXT,
    "dueKind" "CertnDueKind" NOT NULL,
    "dueDate" TIMESTAMP(3),
    "dueDays" INTEGER,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CertificationAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationSubject" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "CertificationSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "basis" "CertnBasis" NOT NULL,
    "certifiedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revokedReason" TEXT,
    "certificateId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Certification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationHistory" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kind" "CertnHistoryKind" NOT NULL,
    "status" TEXT,
    "actorId" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificationHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationSummary" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "departmentId" TEXT,
    "position" TEXT NOT NULL DEFAULT '',
    "baseStatus" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "certificationId" TEXT,
    "certifiedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "windowOpensAt" TIMESTAMP(3),
    "version" INTEGER,
    "progress" DOUBLE PRECISION NOT NULL,
    "windowProgress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expiredProgress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CertificationSummary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationSummaryStale" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificationSummaryStale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationReminder" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificationReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubMember" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "ClubRole" NOT NULL DEFAULT 'member',
    "status" "ClubMemberStatus" NOT NULL DEFAULT 'requested',
    "displayName" TEXT NOT NULL,
    "organizationName" TEXT,
    "position" TEXT,
    "bio" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "handle" TEXT NOT NULL,
    "digest" "ClubDigest" NOT NULL DEFAULT 'weekly',
    "digestSentAt" TIMESTAMP(3),
    "invitedById" TEXT,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClubMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubResolution" (
    "id" TEXT NOT NULL,
    "kind" "ClubResolutionKind" NOT NULL DEFAULT 'resolution',
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "status" "ClubResolutionStatus" NOT NULL DEFAULT 'draft',
    "drafterId" TEXT NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "quorumPercent" INTEGER NOT NULL DEFAULT 50,
    "thresholdPercent" INTEGER NOT NULL DEFAULT 50,
    "votingOpenedAt" TIMESTAMP(3),
    "votingClosedAt" TIMESTAMP(3),
    "number" INTEGER,
    "year" INTEGER,
    "adoptedAt" TIMESTAMP(3),
    "adoptedVersion" INTEGER,
    "adoptedText" TEXT,
    "fingerprint" TEXT,
    "signatories" JSONB,
    "tally" JSONB,
    "meetingId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClubResolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubResolutionVersion" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "paragraphs" JSONB NOT NULL,
    "note" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubResolutionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubComment" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "kind" "ClubCommentKind" NOT NULL DEFAULT 'comment',
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "quote" TEXT,
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "proposedText" TEXT,
    "decision" "ClubDecision" NOT NULL DEFAULT 'open',
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "appliedVersion" INTEGER,
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "hiddenById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubVote" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "choice" "ClubVoteChoice" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClubVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubAddressee" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "reviewOn" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answerText" TEXT,
    "answerHtml" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubAddressee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubConsultation" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "status" "ClubConsultationStatus" NOT NULL DEFAULT 'open',
    "opensAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "intro" TEXT,
    "reportIntro" TEXT,
    "reportedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubConsultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubCitation" (
    "id" TEXT NOT NULL,
    "sourceType" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "resolutionId" TEXT,
    "meetingId" TEXT,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "anchor" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubCitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubDiscussion" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "lastPostAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubDiscussion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubPost" (
    "id" TEXT NOT NULL,
    "discussionId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "mentions" TEXT[],
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "hiddenById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubFollow" (
    "id" TEXT NOT NULL,
    "discussionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubFollow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubMeeting" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT,
    "eventId" TEXT,
    "agenda" JSONB NOT NULL,
    "minutes" TEXT,
    "minutesHtml" TEXT,
    "attendees" TEXT[],
    "decisions" JSONB NOT NULL DEFAULT '[]',
    "materials" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClubMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "ArticleKind" NOT NULL,
    "status" "ArticleStatus" NOT NULL DEFAULT 'draft',
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT,
    "summaryUk" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT,
    "bodyUk" TEXT NOT NULL,
    "bodyEn" TEXT,
    "authors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" TEXT,
    "reviewNote" TEXT,
    "scheduledAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleRevision" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "ArticleStatus" NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT,
    "summaryUk" TEXT NOT NULL,
    "summaryEn" TEXT,
    "bodyUk" TEXT NOT NULL,
    "bodyEn" TEXT,
    "authors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "editorId" TEXT,
    "event" TEXT NOT NULL DEFAULT 'edited',
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bulletin" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT,
    "editorialUk" TEXT NOT NULL DEFAULT '',
    "editorialEn" TEXT,
    "status" "BulletinStatus" NOT NULL DEFAULT 'draft',
    "scheduledAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Bulletin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulletinArticle" (
    "bulletinId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "BulletinArticle_pkey" PRIMARY KEY ("bulletinId","articleId")
);

-- CreateTable
CREATE TABLE "Subscriber" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'uk',
    "lists" "SubscriptionList"[] DEFAULT ARRAY[]::"SubscriptionList"[],
    "status" "SubscriberStatus" NOT NULL DEFAULT 'pending',
    "token" TEXT NOT NULL,
    "confirmToken" TEXT,
    "confirmSentAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "bouncedAt" TIMESTAMP(3),
    "bounceReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriberConsent" (
    "id" TEXT NOT NULL,
    "subscriberId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "lists" "SubscriptionList"[] DEFAULT ARRAY[]::"SubscriptionList"[],
    "locale" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriberConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "bulletinId" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'draft',
    "ratePerMinute" INTEGER NOT NULL DEFAULT 600,
    "batchSize" INTEGER NOT NULL DEFAULT 100,
    "testSentAt" TIMESTAMP(3),
    "testSentTo" TEXT,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignDelivery" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "subscriberId" TEXT NOT NULL,
    "status" "CampaignDeliveryStatus" NOT NULL DEFAULT 'pending',
    "outboxId" TEXT,
    "queuedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingMethodology" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionUk" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingMethodology_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingCriterion" (
    "id" TEXT NOT NULL,
    "methodologyId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "topic" TEXT NOT NULL DEFAULT 'general',
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RatingCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingIndicator" (
    "id" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "kind" "RatingIndicatorKind" NOT NULL,
    "maxValue" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RatingIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingCity" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "population" INTEGER,

    CONSTRAINT "RatingCity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingEdition" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "methodologyId" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryUk" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "computedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingMeasurement" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "enteredById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RatingMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingResult" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "rank" INTEGER NOT NULL,
    "criteria" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "RatingResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingRecommendation" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "cityId" TEXT,
    "audience" TEXT NOT NULL,
    "topic" TEXT NOT NULL DEFAULT 'general',
    "position" INTEGER NOT NULL DEFAULT 0,
    "textUk" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,

    CONSTRAINT "RatingRecommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contest" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionUk" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "status" "ContestStatus" NOT NULL DEFAULT 'draft',
    "registrationOpensAt" TIMESTAMP(3),
    "registrationClosesAt" TIMESTAMP(3),
    "formFields" JSONB NOT NULL DEFAULT '[]',
    "finalistsPerNomination" INTEGER NOT NULL DEFAULT 5,
    "publicVote" BOOLEAN NOT NULL DEFAULT false,
    "screeningClosedAt" TIMESTAMP(3),
    "finalClosedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestNomination" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionUk" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContestNomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestCriterion" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "maxScore" INTEGER NOT NULL DEFAULT 10,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContestCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestJuror" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "round" "ContestRound" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContestJuror_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestRecusal" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContestRecusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestEntry" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "organizationName" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "status" "ContestEntryStatus" NOT NULL DEFAULT 'submitted',
    "finalist" BOOLEAN NOT NULL DEFAULT false,
    "caseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContestEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestScore" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "round" "ContestRound" NOT NULL,
    "value" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContestScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestVote" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContestVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseClassifierNode" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "parentCode" TEXT,
    "titleUk" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CaseClassifierNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeCase" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "PracticeCaseStatus" NOT NULL DEFAULT 'draft',
    "lang" TEXT NOT NULL DEFAULT 'uk',
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL DEFAULT '',
    "solution" TEXT NOT NULL DEFAULT '',
    "results" TEXT NOT NULL DEFAULT '',
    "figures" JSONB NOT NULL DEFAULT '[]',
    "costs" TEXT NOT NULL DEFAULT '',
    "replicability" TEXT NOT NULL DEFAULT '',
    "contacts" TEXT NOT NULL DEFAULT '',
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "tools" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "classifierCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "region" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "organizationId" TEXT,
    "organizationName" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT NOT NULL,
    "actSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "courseSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "articleSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "contestEntryId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PracticeCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseReviewComment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'comment',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseAttachment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Department_organizationId_nameUk_key" ON "Department"("organizationId", "nameUk");

-- CreateIndex
CREATE INDEX "Membership_organizationId_idx" ON "Membership"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organizationId_key" ON "Membership"("userId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "Invitation_organizationId_idx" ON "Invitation"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE UNIQUE INDEX "AuthToken_tokenHash_key" ON "AuthToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuthToken_userId_purpose_idx" ON "AuthToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditLog_subjectUserId_idx" ON "AuditLog"("subjectUserId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- CreateIndex
CREATE INDEX "AuditLog_organizationId_idx" ON "AuditLog"("organizationId");

-- CreateIndex
CREATE INDEX "AuditLog_action_idx" ON "AuditLog"("action");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_idx" ON "OutboxMessage"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_to_idx" ON "OutboxMessage"("to");

-- CreateIndex
CREATE UNIQUE INDEX "LegalAct_nreg_key" ON "LegalAct"("nreg");

-- CreateIndex
CREATE UNIQUE INDEX "LegalAct_slug_key" ON "LegalAct"("slug");

-- CreateIndex
CREATE INDEX "LegalAct_adoptedOn_idx" ON "LegalAct"("adoptedOn");

-- CreateIndex
CREATE INDEX "LegalAct_status_idx" ON "LegalAct"("status");

-- CreateIndex
CREATE INDEX "LegalAct_types_idx" ON "LegalAct" USING GIN ("types");

-- CreateIndex
CREATE INDEX "LegalAct_searchKeys_idx" ON "LegalAct" USING GIN ("searchKeys");

-- CreateIndex
CREATE UNIQUE INDEX "ActVersion_actId_redactionOn_key" ON "ActVersion"("actId", "redactionOn");

-- CreateIndex
CREATE INDEX "ActRelation_sourceNreg_idx" ON "ActRelation"("sourceNreg");

-- CreateIndex
CREATE INDEX "ActRelation_targetNreg_idx" ON "ActRelation"("targetNreg");

-- CreateIndex
CREATE UNIQUE INDEX "ActRelation_statedInId_kind_sourceNreg_targetNreg_key" ON "ActRelation"("statedInId", "kind", "sourceNreg", "targetNreg");

-- CreateIndex
CREATE INDEX "ImportRun_startedAt_idx" ON "ImportRun"("startedAt");

-- CreateIndex
CREATE INDEX "SearchDocument_tsv_idx" ON "SearchDocument" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "SearchDocument_keys_idx" ON "SearchDocument" USING GIN ("keys");

-- CreateIndex
CREATE INDEX "SearchDocument_types_idx" ON "SearchDocument" USING GIN ("types");

-- CreateIndex
CREATE INDEX "SearchDocument_issuers_idx" ON "SearchDocument" USING GIN ("issuers");

-- CreateIndex
CREATE INDEX "SearchDocument_kind_year_idx" ON "SearchDocument"("kind", "year");

-- CreateIndex
CREATE INDEX "SearchDocument_date_idx" ON "SearchDocument"("date");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDocument_kind_refId_locale_key" ON "SearchDocument"("kind", "refId", "locale");

-- CreateIndex
CREATE INDEX "SearchTerm_word_trgm_idx" ON "SearchTerm" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "XapiStatement_statementId_key" ON "XapiStatement"("statementId");

-- CreateIndex
CREATE INDEX "XapiStatement_verbId_seq_idx" ON "XapiStatement"("verbId", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_actorIfi_seq_idx" ON "XapiStatement"("actorIfi", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_objectActivityId_seq_idx" ON "XapiStatement"("objectActivityId", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_registration_seq_idx" ON "XapiStatement"("registration", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_objectStatementRef_idx" ON "XapiStatement"("objectStatementRef");

-- CreateIndex
CREATE INDEX "XapiStatement_stored_idx" ON "XapiStatement"("stored");

-- CreateIndex
CREATE INDEX "XapiStatement_clientId_seq_idx" ON "XapiStatement"("clientId", "seq");

-- CreateIndex
CREATE INDEX "XapiStatementActivity_activityId_statementSeq_idx" ON "XapiStatementActivity"("activityId", "statementSeq");

-- CreateIndex
CREATE INDEX "XapiStatementAgent_ifi_statementSeq_idx" ON "XapiStatementAgent"("ifi", "statementSeq");

-- CreateIndex
CREATE INDEX "XapiDocument_kind_activityId_agentIfi_registration_updated_idx" ON "XapiDocument"("kind", "activityId", "agentIfi", "registration", "updated");

-- CreateIndex
CREATE UNIQUE INDEX "XapiDocument_kind_activityId_agentIfi_registration_document_key" ON "XapiDocument"("kind", "activityId", "agentIfi", "registration", "documentId");

-- CreateIndex
CREATE UNIQUE INDEX "XapiClient_key_key" ON "XapiClient"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Course_slug_key" ON "Course"("slug");

-- CreateIndex
CREATE INDEX "Course_archivedAt_sortOrder_idx" ON "Course"("archivedAt", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "CourseModule_courseId_key_key" ON "CourseModule"("courseId", "key");

-- CreateIndex
CREATE INDEX "Lesson_courseId_position_idx" ON "Lesson"("courseId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Lesson_courseId_key_key" ON "Lesson"("courseId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionBank_courseId_key_key" ON "QuestionBank"("courseId", "key");

-- CreateIndex
CREATE INDEX "Question_bankId_position_idx" ON "Question"("bankId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Question_courseId_key_key" ON "Question"("courseId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Quiz_courseId_key_key" ON "Quiz"("courseId", "key");

-- CreateIndex
CREATE INDEX "Enrollment_userId_status_idx" ON "Enrollment"("userId", "status");

-- CreateIndex
CREATE INDEX "Enrollment_organizationId_status_idx" ON "Enrollment"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_courseId_userId_key" ON "Enrollment"("courseId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseCompletion_enrollmentId_key" ON "CourseCompletion"("enrollmentId");

-- CreateIndex
CREATE INDEX "CourseCompletion_userId_idx" ON "CourseCompletion"("userId");

-- CreateIndex
CREATE INDEX "CourseCompletion_completedAt_idx" ON "CourseCompletion"("completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CourseCompletion_courseId_userId_key" ON "CourseCompletion"("courseId", "userId");

-- CreateIndex
CREATE INDEX "LessonProgress_userId_idx" ON "LessonProgress"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LessonProgress_lessonId_userId_key" ON "LessonProgress"("lessonId", "userId");

-- CreateIndex
CREATE INDEX "QuizAttempt_userId_quizId_idx" ON "QuizAttempt"("userId", "quizId");

-- CreateIndex
CREATE INDEX "QuizAttempt_submittedAt_idx" ON "QuizAttempt"("submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_quizId_userId_number_key" ON "QuizAttempt"("quizId", "userId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE INDEX "Event_startsAt_idx" ON "Event"("startsAt");

-- CreateIndex
CREATE INDEX "Event_isPublic_status_startsAt_idx" ON "Event"("isPublic", "status", "startsAt");

-- CreateIndex
CREATE INDEX "Event_kind_startsAt_idx" ON "Event"("kind", "startsAt");

-- CreateIndex
CREATE INDEX "RegistrationGroup_eventId_idx" ON "RegistrationGroup"("eventId");

-- CreateIndex
CREATE INDEX "RegistrationGroup_registrantId_idx" ON "RegistrationGroup"("registrantId");

-- CreateIndex
CREATE INDEX "Registration_eventId_status_position_idx" ON "Registration"("eventId", "status", "position");

-- CreateIndex
CREATE INDEX "Registration_userId_idx" ON "Registration"("userId");

-- CreateIndex
CREATE INDEX "Registration_groupId_idx" ON "Registration"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_eventId_email_key" ON "Registration"("eventId", "email");

-- CreateIndex
CREATE INDEX "EventReminder_eventId_idx" ON "EventReminder"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "EventReminder_registrationId_offsetMinutes_key" ON "EventReminder"("registrationId", "offsetMinutes");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_registrationId_key" ON "Attendance"("registrationId");

-- CreateIndex
CREATE INDEX "Attendance_userId_idx" ON "Attendance"("userId");

-- CreateIndex
CREATE INDEX "Attendance_attendedAt_idx" ON "Attendance"("attendedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_eventId_userId_key" ON "Attendance"("eventId", "userId");

-- CreateIndex
CREATE INDEX "Recording_eventId_idx" ON "Recording"("eventId");

-- CreateIndex
CREATE INDEX "RecordingView_userId_idx" ON "RecordingView"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "RecordingView_recordingId_userId_key" ON "RecordingView"("recordingId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackSurvey_eventId_key" ON "FeedbackSurvey"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackResponse_registrationId_key" ON "FeedbackResponse"("registrationId");

-- CreateIndex
CREATE INDEX "FeedbackResponse_surveyId_idx" ON "FeedbackResponse"("surveyId");

-- CreateIndex
CREATE UNIQUE INDEX "EventFeedToken_token_key" ON "EventFeedToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_serial_key" ON "Certificate"("serial");

-- CreateIndex
CREATE INDEX "Certificate_userId_idx" ON "Certificate"("userId");

-- CreateIndex
CREATE INDEX "Certificate_kind_sourceId_idx" ON "Certificate"("kind", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_kind_sourceId_userId_issueKey_key" ON "Certificate"("kind", "sourceId", "userId", "issueKey");

-- CreateIndex
CREATE UNIQUE INDEX "CompetencyFramework_slug_key" ON "CompetencyFramework"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "CompetencyArea_frameworkId_code_key" ON "CompetencyArea"("frameworkId", "code");

-- CreateIndex
CREATE INDEX "Competency_areaId_idx" ON "Competency"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "Competency_frameworkId_code_key" ON "Competency"("frameworkId", "code");

-- CreateIndex
CREATE INDEX "CompetencyAssessment_userId_frameworkId_createdAt_idx" ON "CompetencyAssessment"("userId", "frameworkId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DevelopmentPlan_userId_frameworkId_key" ON "DevelopmentPlan"("userId", "frameworkId");

-- CreateIndex
CREATE UNIQUE INDEX "DevelopmentPlanItem_planId_activityKind_activityRef_key" ON "DevelopmentPlanItem"("planId", "activityKind", "activityRef");

-- CreateIndex
CREATE UNIQUE INDEX "CertificationProgramme_slug_key" ON "CertificationProgramme"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "CertificationProgrammeVersion_programmeId_version_key" ON "CertificationProgrammeVersion"("programmeId", "version");

-- CreateIndex
CREATE INDEX "CertificationAssignment_organizationId_revokedAt_idx" ON "CertificationAssignment"("organizationId", "revokedAt");

-- CreateIndex
CREATE INDEX "CertificationAssignment_programmeId_idx" ON "CertificationAssignment"("programmeId");

-- CreateIndex
CREATE INDEX "CertificationSubject_userId_programmeId_idx" ON "CertificationSubject"("userId", "programmeId");

-- CreateIndex
CREATE INDEX "CertificationSubject_organizationId_idx" ON "CertificationSubject"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "CertificationSubject_assignmentId_userId_key" ON "CertificationSubject"("assignmentId", "userId");

-- CreateIndex
CREATE INDEX "Certification_programmeId_expiresAt_idx" ON "Certification"("programmeId", "expiresAt");

-- CreateIndex
CREATE INDEX "Certification_userId_idx" ON "Certification"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Certification_userId_programmeId_certifiedAt_key" ON "Certification"("userId", "programmeId", "certifiedAt");

-- CreateIndex
CREATE INDEX "CertificationHistory_userId_programmeId_at_idx" ON "CertificationHistory"("userId", "programmeId", "at");

-- CreateIndex
CREATE INDEX "CertificationSummary_organizationId_departmentId_idx" ON "CertificationSummary"("organizationId", "departmentId");

-- CreateIndex
CREATE INDEX "CertificationSummary_userId_idx" ON "CertificationSummary"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CertificationSummary_organizationId_userId_programmeId_key" ON "CertificationSummary"("organizationId", "userId", "programmeId");

-- CreateIndex
CREATE INDEX "CertificationSummaryStale_organizationId_idx" ON "CertificationSummaryStale"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "CertificationReminder_key_key" ON "CertificationReminder"("key");

-- CreateIndex
CREATE INDEX "CertificationReminder_userId_idx" ON "CertificationReminder"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ClubMember_userId_key" ON "ClubMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ClubMember_handle_key" ON "ClubMember"("handle");

-- CreateIndex
CREATE INDEX "ClubMember_status_role_idx" ON "ClubMember"("status", "role");

-- CreateIndex
CREATE INDEX "ClubResolution_status_idx" ON "ClubResolution"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ClubResolution_year_number_key" ON "ClubResolution"("year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ClubResolutionVersion_resolutionId_number_key" ON "ClubResolutionVersion"("resolutionId", "number");

-- CreateIndex
CREATE INDEX "ClubComment_resolutionId_paragraphId_idx" ON "ClubComment"("resolutionId", "paragraphId");

-- CreateIndex
CREATE INDEX "ClubComment_authorId_idx" ON "ClubComment"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "ClubVote_resolutionId_userId_key" ON "ClubVote"("resolutionId", "userId");

-- CreateIndex
CREATE INDEX "ClubAddressee_reviewOn_idx" ON "ClubAddressee"("reviewOn");

-- CreateIndex
CREATE UNIQUE INDEX "ClubConsultation_resolutionId_key" ON "ClubConsultation"("resolutionId");

-- CreateIndex
CREATE INDEX "ClubConsultation_status_closesAt_idx" ON "ClubConsultation"("status", "closesAt");

-- CreateIndex
CREATE INDEX "ClubCitation_targetType_targetId_idx" ON "ClubCitation"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "ClubCitation_sourceType_sourceId_targetType_targetId_anchor_key" ON "ClubCitation"("sourceType", "sourceId", "targetType", "targetId", "anchor");

-- CreateIndex
CREATE INDEX "ClubDiscussion_topic_idx" ON "ClubDiscussion"("topic");

-- CreateIndex
CREATE INDEX "ClubPost_discussionId_createdAt_idx" ON "ClubPost"("discussionId", "createdAt");

-- CreateIndex
CREATE INDEX "ClubPost_createdAt_idx" ON "ClubPost"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClubFollow_discussionId_userId_key" ON "ClubFollow"("discussionId", "userId");

-- CreateIndex
CREATE INDEX "ClubMeeting_startsAt_idx" ON "ClubMeeting"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE INDEX "Article_status_publishedAt_idx" ON "Article"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_createdById_idx" ON "Article"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleRevision_articleId_number_key" ON "ArticleRevision"("articleId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Bulletin_year_number_key" ON "Bulletin"("year", "number");

-- CreateIndex
CREATE INDEX "BulletinArticle_bulletinId_position_idx" ON "BulletinArticle"("bulletinId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_email_key" ON "Subscriber"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_token_key" ON "Subscriber"("token");

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_confirmToken_key" ON "Subscriber"("confirmToken");

-- CreateIndex
CREATE INDEX "Subscriber_status_idx" ON "Subscriber"("status");

-- CreateIndex
CREATE INDEX "SubscriberConsent_subscriberId_at_idx" ON "SubscriberConsent"("subscriberId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_bulletinId_key" ON "Campaign"("bulletinId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignDelivery_outboxId_key" ON "CampaignDelivery"("outboxId");

-- CreateIndex
CREATE INDEX "CampaignDelivery_campaignId_status_idx" ON "CampaignDelivery"("campaignId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignDelivery_campaignId_subscriberId_key" ON "CampaignDelivery"("campaignId", "subscriberId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingMethodology_slug_key" ON "RatingMethodology"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "RatingCriterion_methodologyId_code_key" ON "RatingCriterion"("methodologyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "RatingIndicator_criterionId_code_key" ON "RatingIndicator"("criterionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "RatingCity_slug_key" ON "RatingCity"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "RatingEdition_year_key" ON "RatingEdition"("year");

-- CreateIndex
CREATE INDEX "RatingMeasurement_cityId_idx" ON "RatingMeasurement"("cityId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingMeasurement_editionId_cityId_indicatorId_key" ON "RatingMeasurement"("editionId", "cityId", "indicatorId");

-- CreateIndex
CREATE INDEX "RatingResult_cityId_idx" ON "RatingResult"("cityId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingResult_editionId_cityId_key" ON "RatingResult"("editionId", "cityId");

-- CreateIndex
CREATE INDEX "RatingRecommendation_editionId_audience_topic_idx" ON "RatingRecommendation"("editionId", "audience", "topic");

-- CreateIndex
CREATE UNIQUE INDEX "Contest_year_key" ON "Contest"("year");

-- CreateIndex
CREATE UNIQUE INDEX "ContestNomination_contestId_code_key" ON "ContestNomination"("contestId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ContestCriterion_nominationId_code_key" ON "ContestCriterion"("nominationId", "code");

-- CreateIndex
CREATE INDEX "ContestJuror_userId_idx" ON "ContestJuror"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ContestJuror_nominationId_userId_round_key" ON "ContestJuror"("nominationId", "userId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "ContestRecusal_nominationId_userId_key" ON "ContestRecusal"("nominationId", "userId");

-- CreateIndex
CREATE INDEX "ContestEntry_contestId_nominationId_idx" ON "ContestEntry"("contestId", "nominationId");

-- CreateIndex
CREATE INDEX "ContestScore_userId_idx" ON "ContestScore"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ContestScore_entryId_criterionId_userId_round_key" ON "ContestScore"("entryId", "criterionId", "userId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "ContestVote_nominationId_userId_key" ON "ContestVote"("nominationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseClassifierNode_code_key" ON "CaseClassifierNode"("code");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeCase_slug_key" ON "PracticeCase"("slug");

-- CreateIndex
CREATE INDEX "PracticeCase_status_year_idx" ON "PracticeCase"("status", "year");

-- CreateIndex
CREATE INDEX "PracticeCase_authorId_idx" ON "PracticeCase"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseAttachment_storedName_key" ON "CaseAttachment"("storedName");

-- CreateIndex
CREATE INDEX "CaseAttachment_caseId_idx" ON "CaseAttachment"("caseId");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActVersion" ADD CONSTRAINT "ActVersion_actId_fkey" FOREIGN KEY ("actId") REFERENCES "LegalAct"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActRelation" ADD CONSTRAINT "ActRelation_statedInId_fkey" FOREIGN KEY ("statedInId") REFERENCES "LegalAct"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "XapiStatementActivity" ADD CONSTRAINT "XapiStatementActivity_statementSeq_fkey" FOREIGN KEY ("statementSeq") REFERENCES "XapiStatement"("seq") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "XapiStatementAgent" ADD CONSTRAINT "XapiStatementAgent_statementSeq_fkey" FOREIGN KEY ("statementSeq") REFERENCES "XapiStatement"("seq") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseModule" ADD CONSTRAINT "CourseModule_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "CourseModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_h5pContentId_fkey" FOREIGN KEY ("h5pContentId") REFERENCES "H5PContent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionBank" ADD CONSTRAINT "QuestionBank_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "QuestionBank"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quiz" ADD CONSTRAINT "Quiz_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "H5PContent" ADD CONSTRAINT "H5PContent_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCompletion" ADD CONSTRAINT "CourseCompletion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationGroup" ADD CONSTRAINT "RegistrationGroup_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "RegistrationGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventReminder" ADD CONSTRAINT "EventReminder_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventReminder" ADD CONSTRAINT "EventReminder_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordingView" ADD CONSTRAINT "RecordingView_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackSurvey" ADD CONSTRAINT "FeedbackSurvey_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackResponse" ADD CONSTRAINT "FeedbackResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "FeedbackSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackResponse" ADD CONSTRAINT "FeedbackResponse_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompetencyArea" ADD CONSTRAINT "CompetencyArea_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "CompetencyFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Competency" ADD CONSTRAINT "Competency_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "CompetencyFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Competency" ADD CONSTRAINT "Competency_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "CompetencyArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlanItem" ADD CONSTRAINT "DevelopmentPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DevelopmentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificationProgrammeVersion" ADD CONSTRAINT "CertificationProgrammeVersion_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "CertificationProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificationAssignment" ADD CONSTRAINT "CertificationAssignment_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "CertificationProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificationSubject" ADD CONSTRAINT "CertificationSubject_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "CertificationAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certification" ADD CONSTRAINT "Certification_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "CertificationProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certification" ADD CONSTRAINT "Certification_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CertificationProgrammeVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubResolutionVersion" ADD CONSTRAINT "ClubResolutionVersion_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "ClubResolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubComment" ADD CONSTRAINT "ClubComment_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "ClubResolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubVote" ADD CONSTRAINT "ClubVote_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "ClubResolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubAddressee" ADD CONSTRAINT "ClubAddressee_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "ClubResolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubConsultation" ADD CONSTRAINT "ClubConsultation_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "ClubResolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubPost" ADD CONSTRAINT "ClubPost_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "ClubDiscussion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubFollow" ADD CONSTRAINT "ClubFollow_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "ClubDiscussion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulletinArticle" ADD CONSTRAINT "BulletinArticle_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulletinArticle" ADD CONSTRAINT "BulletinArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriberConsent" ADD CONSTRAINT "SubscriberConsent_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignDelivery" ADD CONSTRAINT "CampaignDelivery_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignDelivery" ADD CONSTRAINT "CampaignDelivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingCriterion" ADD CONSTRAINT "RatingCriterion_methodologyId_fkey" FOREIGN KEY ("methodologyId") REFERENCES "RatingMethodology"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingIndicator" ADD CONSTRAINT "RatingIndicator_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "RatingCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingEdition" ADD CONSTRAINT "RatingEdition_methodologyId_fkey" FOREIGN KEY ("methodologyId") REFERENCES "RatingMethodology"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingMeasurement" ADD CONSTRAINT "RatingMeasurement_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "RatingEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingMeasurement" ADD CONSTRAINT "RatingMeasurement_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "RatingCity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingMeasurement" ADD CONSTRAINT "RatingMeasurement_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "RatingIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingResult" ADD CONSTRAINT "RatingResult_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "RatingEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingResult" ADD CONSTRAINT "RatingResult_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "RatingCity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingRecommendation" ADD CONSTRAINT "RatingRecommendation_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "RatingEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingRecommendation" ADD CONSTRAINT "RatingRecommendation_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "RatingCity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestNomination" ADD CONSTRAINT "ContestNomination_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestCriterion" ADD CONSTRAINT "ContestCriterion_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "ContestNomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestJuror" ADD CONSTRAINT "ContestJuror_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "ContestNomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestRecusal" ADD CONSTRAINT "ContestRecusal_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "ContestNomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestEntry" ADD CONSTRAINT "ContestEntry_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestEntry" ADD CONSTRAINT "ContestEntry_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "ContestNomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestScore" ADD CONSTRAINT "ContestScore_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ContestEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestScore" ADD CONSTRAINT "ContestScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ContestCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestVote" ADD CONSTRAINT "ContestVote_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ContestEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReviewComment" ADD CONSTRAINT "CaseReviewComment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "PracticeCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAttachment" ADD CONSTRAINT "CaseAttachment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "PracticeCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
