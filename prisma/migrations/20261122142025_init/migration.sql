-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "GlobalRole" AS ENUM ('admin', 'editor', 'instructor', 'expert', 'learner');

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
    "subtitle" TEXT,
    "body" TEXT NOT NULL,
    "keys" TEXT[],
    "types" TEXT[],
    "issuers" TEXT[],
    "status" TEXT,
    "year" INTEGER,
    "date" DATE,
    "tsv" tsvector,
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
CREATE INDEX "SearchDocument_kind_year_idx" ON "SearchDocument"("kind", "year");

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
