SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE public.ar_internal_metadata (
    key character varying NOT NULL,
    value character varying,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE TABLE public.schema_migrations (
    version character varying NOT NULL
);

--
-- Name: accounts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.accounts (
    id bigint NOT NULL,
    name character varying NOT NULL,
    subdomain character varying NOT NULL,
    plan character varying DEFAULT 'free'::character varying NOT NULL,
    settings jsonb DEFAULT '{}'::jsonb NOT NULL,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.accounts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id;

--
-- Name: action_text_rich_texts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.action_text_rich_texts (
    id bigint NOT NULL,
    name character varying NOT NULL,
    body text,
    record_type character varying NOT NULL,
    record_id bigint NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.action_text_rich_texts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.action_text_rich_texts_id_seq OWNED BY public.action_text_rich_texts.id;

--
-- Name: active_storage_attachments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.active_storage_attachments (
    id bigint NOT NULL,
    name character varying NOT NULL,
    record_type character varying NOT NULL,
    record_id bigint NOT NULL,
    blob_id bigint NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.active_storage_attachments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.active_storage_attachments_id_seq OWNED BY public.active_storage_attachments.id;

--
-- Name: active_storage_blobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.active_storage_blobs (
    id bigint NOT NULL,
    key character varying NOT NULL,
    filename character varying NOT NULL,
    content_type character varying,
    metadata text,
    service_name character varying NOT NULL,
    byte_size bigint NOT NULL,
    checksum character varying,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.active_storage_blobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.active_storage_blobs_id_seq OWNED BY public.active_storage_blobs.id;

--
-- Name: active_storage_variant_records; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.active_storage_variant_records (
    id bigint NOT NULL,
    blob_id bigint NOT NULL,
    variation_digest character varying NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.active_storage_variant_records_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.active_storage_variant_records_id_seq OWNED BY public.active_storage_variant_records.id;

--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    token_digest character varying NOT NULL,
    name character varying,
    last_used_at timestamp(6) without time zone,
    expires_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.api_tokens_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.api_tokens_id_seq OWNED BY public.api_tokens.id;

--
-- Name: attachments_legacy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.attachments_legacy (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint,
    name character varying NOT NULL,
    payload text,
    payload_1 date,
    token_2 text,
    count_3 numeric(10,2),
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.attachments_legacy_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.attachments_legacy_id_seq OWNED BY public.attachments_legacy.id;

--
-- Name: audits; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audits (
    id bigint NOT NULL,
    auditable_id bigint,
    auditable_type character varying,
    associated_id bigint,
    associated_type character varying,
    user_id bigint,
    user_type character varying,
    action character varying,
    audited_changes jsonb,
    version integer DEFAULT 0,
    remote_address character varying,
    request_uuid character varying,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.audits_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.audits_id_seq OWNED BY public.audits.id;

--
-- Name: automation_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.automation_runs (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint NOT NULL,
    name character varying NOT NULL,
    token date,
    ends_at_1 numeric(10,2),
    url_2 text,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.automation_runs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.automation_runs_id_seq OWNED BY public.automation_runs.id;

--
-- Name: automations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.automations (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    starts_at text,
    starts_at_1 text,
    ends_at_2 numeric(10,2),
    enabled_3 bigint,
    ends_at_4 boolean DEFAULT false NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.automations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.automations_id_seq OWNED BY public.automations.id;

--
-- Name: billing_customers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_customers (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    url text,
    count_1 bigint,
    token_2 bigint,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.billing_customers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.billing_customers_id_seq OWNED BY public.billing_customers.id;

--
-- Name: billing_invoices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_invoices (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    starts_at timestamp(6) without time zone,
    description_1 numeric(10,2),
    kind_2 boolean DEFAULT false NOT NULL,
    kind_3 date,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.billing_invoices_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.billing_invoices_id_seq OWNED BY public.billing_invoices.id;

--
-- Name: billing_line_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_line_items (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    locked_at text,
    enabled_1 integer,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.billing_line_items_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.billing_line_items_id_seq OWNED BY public.billing_line_items.id;

--
-- Name: board_columns; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.board_columns (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    ends_at bigint,
    kind_1 bigint,
    enabled_2 integer,
    count_3 bigint,
    external_id_4 numeric(10,2),
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.board_columns_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.board_columns_id_seq OWNED BY public.board_columns.id;

--
-- Name: boards; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.boards (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint NOT NULL,
    name character varying NOT NULL,
    external_id boolean DEFAULT false NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.boards_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.boards_id_seq OWNED BY public.boards.id;

--
-- Name: calendar_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.calendar_events (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    value date,
    token_1 boolean DEFAULT false NOT NULL,
    enabled_2 jsonb,
    starts_at_3 timestamp(6) without time zone,
    url_4 integer,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.calendar_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.calendar_events_id_seq OWNED BY public.calendar_events.id;

--
-- Name: calendars; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.calendars (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint NOT NULL,
    name character varying NOT NULL,
    description character varying,
    url_1 bigint,
    description_2 timestamp(6) without time zone,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.calendars_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.calendars_id_seq OWNED BY public.calendars.id;

--
-- Name: checks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.checks (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint,
    name character varying NOT NULL,
    count date,
    enabled_1 bigint,
    count_2 jsonb,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.checks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.checks_id_seq OWNED BY public.checks.id;

--
-- Name: comments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comments (
    id bigint NOT NULL,
    commentable_type character varying NOT NULL,
    commentable_id bigint NOT NULL,
    user_id bigint NOT NULL,
    body text NOT NULL,
    edited_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.comments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.comments_id_seq OWNED BY public.comments.id;

--
-- Name: commits; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.commits (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint,
    name character varying NOT NULL,
    starts_at bigint,
    starts_at_1 bigint,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.commits_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.commits_id_seq OWNED BY public.commits.id;

--
-- Name: coupons; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.coupons (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    starts_at boolean DEFAULT false NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.coupons_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.coupons_id_seq OWNED BY public.coupons.id;

--
-- Name: custom_field_values; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.custom_field_values (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint NOT NULL,
    name character varying NOT NULL,
    payload bigint,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.custom_field_values_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.custom_field_values_id_seq OWNED BY public.custom_field_values.id;

--
-- Name: custom_fields; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.custom_fields (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    kind text,
    ends_at_1 bigint,
    description_2 character varying,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.custom_fields_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.custom_fields_id_seq OWNED BY public.custom_fields.id;

--
-- Name: dashboards; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dashboards (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    user_id bigint,
    name character varying NOT NULL,
    payload text,
    status_1 jsonb,
    ends_at_2 text,
    description_3 timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.dashboards_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.dashboards_id_seq OWNED BY public.dashboards.id;

--
-- Name: deployments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.deployments (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint,
    name character varying NOT NULL,
    description bigint,
    locked_at_1 integer,
    locked_at_2 integer,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.deployments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.deployments_id_seq OWNED BY public.deployments.id;

--
-- Name: devices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.devices (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    payload numeric(10,2),
    value_1 numeric(10,2),
    kind_2 date,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.devices_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.devices_id_seq OWNED BY public.devices.id;

--
-- Name: email_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.email_templates (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint NOT NULL,
    name character varying NOT NULL,
    url text,
    value_1 bigint,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.email_templates_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.email_templates_id_seq OWNED BY public.email_templates.id;

--
-- Name: environments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.environments (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    url integer,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.environments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.environments_id_seq OWNED BY public.environments.id;

--
-- Name: exports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.exports (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    count jsonb,
    count_1 text,
    locked_at_2 bigint,
    payload_3 jsonb,
    value_4 numeric(10,2),
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.exports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.exports_id_seq OWNED BY public.exports.id;

--
-- Name: favorites; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.favorites (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint,
    name character varying NOT NULL,
    status numeric(10,2),
    external_id_1 boolean DEFAULT false NOT NULL,
    payload_2 jsonb,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.favorites_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.favorites_id_seq OWNED BY public.favorites.id;

--
-- Name: feature_flag_actors; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_flag_actors (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint,
    name character varying NOT NULL,
    status character varying,
    enabled_1 character varying,
    kind_2 jsonb,
    kind_3 text,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.feature_flag_actors_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.feature_flag_actors_id_seq OWNED BY public.feature_flag_actors.id;

--
-- Name: feature_flags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_flags (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint,
    name character varying NOT NULL,
    external_id integer,
    token_1 jsonb,
    description_2 bigint,
    description_3 date,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.feature_flags_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.feature_flags_id_seq OWNED BY public.feature_flags.id;

--
-- Name: good_jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.good_jobs (
    id bigint NOT NULL,
    queue_name text,
    priority integer,
    serialized_params jsonb,
    scheduled_at timestamp(6) without time zone,
    performed_at timestamp(6) without time zone,
    finished_at timestamp(6) without time zone,
    error text,
    active_job_id uuid,
    concurrency_key text,
    cron_key text,
    retried_good_job_id uuid,
    cron_at timestamp(6) without time zone,
    batch_id uuid,
    is_discrete boolean,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.good_jobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.good_jobs_id_seq OWNED BY public.good_jobs.id;

--
-- Name: holidays; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.holidays (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    user_id bigint,
    name character varying NOT NULL,
    payload date,
    token_1 date,
    kind_2 timestamp(6) without time zone,
    ends_at_3 text,
    ends_at_4 bigint,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.holidays_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.holidays_id_seq OWNED BY public.holidays.id;

--
-- Name: import_rows; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_rows (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    user_id bigint,
    name character varying NOT NULL,
    description bigint,
    payload_1 bigint,
    count_2 bigint,
    external_id_3 jsonb,
    description_4 bigint,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.import_rows_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.import_rows_id_seq OWNED BY public.import_rows.id;

--
-- Name: imports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.imports (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint NOT NULL,
    name character varying NOT NULL,
    position numeric(10,2),
    status_1 jsonb,
    starts_at_2 timestamp(6) without time zone,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.imports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.imports_id_seq OWNED BY public.imports.id;

--
-- Name: integrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.integrations (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint,
    name character varying NOT NULL,
    ends_at timestamp(6) without time zone,
    enabled_1 jsonb,
    starts_at_2 boolean DEFAULT false NOT NULL,
    token_3 timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.integrations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.integrations_id_seq OWNED BY public.integrations.id;

--
-- Name: invitations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invitations (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    token text,
    status_1 text,
    payload_2 integer,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.invitations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.invitations_id_seq OWNED BY public.invitations.id;

--
-- Name: issue_labels; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.issue_labels (
    id bigint NOT NULL,
    issue_id bigint NOT NULL,
    label_id bigint NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.issue_labels_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.issue_labels_id_seq OWNED BY public.issue_labels.id;

--
-- Name: issues; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.issues (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    author_id bigint NOT NULL,
    assignee_id bigint,
    number integer NOT NULL,
    title character varying NOT NULL,
    body text,
    state character varying DEFAULT 'open'::character varying NOT NULL,
    priority integer DEFAULT 2 NOT NULL,
    due_on date,
    closed_at timestamp(6) without time zone,
    labels_cache character varying[] DEFAULT '{}'::character varying[],
    estimate_minutes integer,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT chk_rails_issue_priority CHECK ((priority >= 0) AND (priority <= 4))
);

CREATE SEQUENCE public.issues_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.issues_id_seq OWNED BY public.issues.id;

--
-- Name: labels; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.labels (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    color character varying DEFAULT '#cccccc'::character varying NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.labels_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.labels_id_seq OWNED BY public.labels.id;

--
-- Name: login_activities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.login_activities (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    user_id bigint,
    name character varying NOT NULL,
    ends_at boolean DEFAULT false NOT NULL,
    url_1 bigint,
    url_2 date,
    ends_at_3 boolean DEFAULT false NOT NULL,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.login_activities_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.login_activities_id_seq OWNED BY public.login_activities.id;

--
-- Name: memberships; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.memberships (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    user_id bigint NOT NULL,
    role character varying DEFAULT 'developer'::character varying NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.memberships_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.memberships_id_seq OWNED BY public.memberships.id;

--
-- Name: mentions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mentions (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    starts_at date,
    locked_at_1 date,
    starts_at_2 date,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.mentions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.mentions_id_seq OWNED BY public.mentions.id;

--
-- Name: milestones; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestones (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    payload numeric(10,2),
    value_1 character varying,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.milestones_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.milestones_id_seq OWNED BY public.milestones.id;

--
-- Name: notifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications (
    id bigint NOT NULL,
    recipient_id bigint NOT NULL,
    actor_id bigint,
    notifiable_type character varying NOT NULL,
    notifiable_id bigint NOT NULL,
    action character varying NOT NULL,
    read_at timestamp(6) without time zone,
    params jsonb,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.notifications_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.notifications_id_seq OWNED BY public.notifications.id;

--
-- Name: oauth_access_grants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oauth_access_grants (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    user_id bigint NOT NULL,
    name character varying NOT NULL,
    external_id boolean DEFAULT false NOT NULL,
    enabled_1 jsonb,
    status_2 timestamp(6) without time zone,
    kind_3 boolean DEFAULT false NOT NULL,
    enabled_4 date,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.oauth_access_grants_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.oauth_access_grants_id_seq OWNED BY public.oauth_access_grants.id;

--
-- Name: oauth_access_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oauth_access_tokens (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    external_id jsonb,
    token_1 bigint,
    starts_at_2 character varying,
    starts_at_3 text,
    url_4 timestamp(6) without time zone,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.oauth_access_tokens_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.oauth_access_tokens_id_seq OWNED BY public.oauth_access_tokens.id;

--
-- Name: oauth_applications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oauth_applications (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    position character varying,
    value_1 jsonb,
    kind_2 numeric(10,2),
    locked_at_3 jsonb,
    token_4 timestamp(6) without time zone,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.oauth_applications_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.oauth_applications_id_seq OWNED BY public.oauth_applications.id;

--
-- Name: projects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.projects (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    owner_id bigint,
    name character varying NOT NULL,
    key character varying NOT NULL,
    description text,
    archived boolean DEFAULT false NOT NULL,
    position integer,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.projects_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.projects_id_seq OWNED BY public.projects.id;

--
-- Name: pull_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pull_requests (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint,
    name character varying NOT NULL,
    payload jsonb,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.pull_requests_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.pull_requests_id_seq OWNED BY public.pull_requests.id;

--
-- Name: push_subscriptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.push_subscriptions (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    user_id bigint NOT NULL,
    name character varying NOT NULL,
    enabled character varying,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.push_subscriptions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.push_subscriptions_id_seq OWNED BY public.push_subscriptions.id;

--
-- Name: reactions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reactions (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint,
    name character varying NOT NULL,
    payload bigint,
    payload_1 numeric(10,2),
    count_2 character varying,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.reactions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.reactions_id_seq OWNED BY public.reactions.id;

--
-- Name: referrals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.referrals (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint NOT NULL,
    name character varying NOT NULL,
    count date,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.referrals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.referrals_id_seq OWNED BY public.referrals.id;

--
-- Name: releases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.releases (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    locked_at date,
    enabled_1 integer,
    value_2 numeric(10,2),
    token_3 boolean DEFAULT false NOT NULL,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.releases_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.releases_id_seq OWNED BY public.releases.id;

--
-- Name: report_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report_runs (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    starts_at timestamp(6) without time zone,
    ends_at_1 bigint,
    count_2 date,
    kind_3 boolean DEFAULT false NOT NULL,
    status_4 timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.report_runs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.report_runs_id_seq OWNED BY public.report_runs.id;

--
-- Name: reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint,
    name character varying NOT NULL,
    locked_at integer,
    token_1 boolean DEFAULT false NOT NULL,
    starts_at_2 boolean DEFAULT false NOT NULL,
    kind_3 date,
    enabled_4 date,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.reports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.reports_id_seq OWNED BY public.reports.id;

--
-- Name: repositories; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.repositories (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint,
    name character varying NOT NULL,
    value numeric(10,2),
    starts_at_1 jsonb,
    status_2 date,
    ends_at_3 character varying,
    enabled_4 integer,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.repositories_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.repositories_id_seq OWNED BY public.repositories.id;

--
-- Name: reviews; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reviews (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    user_id bigint,
    name character varying NOT NULL,
    external_id character varying,
    position_1 boolean DEFAULT false NOT NULL,
    value_2 timestamp(6) without time zone,
    description_3 timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.reviews_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.reviews_id_seq OWNED BY public.reviews.id;

--
-- Name: saved_filters; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.saved_filters (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    position character varying,
    ends_at_1 boolean DEFAULT false NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.saved_filters_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.saved_filters_id_seq OWNED BY public.saved_filters.id;

--
-- Name: settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.settings (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint,
    name character varying NOT NULL,
    position numeric(10,2),
    ends_at_1 text,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.settings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.settings_id_seq OWNED BY public.settings.id;

--
-- Name: sla_breaches; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_breaches (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    locked_at integer,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.sla_breaches_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.sla_breaches_id_seq OWNED BY public.sla_breaches.id;

--
-- Name: sla_policies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_policies (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    position jsonb,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.sla_policies_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.sla_policies_id_seq OWNED BY public.sla_policies.id;

--
-- Name: slack_channels; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.slack_channels (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    enabled jsonb,
    status_1 timestamp(6) without time zone,
    url_2 numeric(10,2),
    count_3 bigint,
    value_4 date,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.slack_channels_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.slack_channels_id_seq OWNED BY public.slack_channels.id;

--
-- Name: sprints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sprints (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    user_id bigint NOT NULL,
    name character varying NOT NULL,
    position numeric(10,2),
    starts_at_1 boolean DEFAULT false NOT NULL,
    external_id_2 date,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.sprints_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.sprints_id_seq OWNED BY public.sprints.id;

--
-- Name: taggings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.taggings (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint NOT NULL,
    name character varying NOT NULL,
    token boolean DEFAULT false NOT NULL,
    url_1 numeric(10,2),
    token_2 date,
    token_3 integer,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.taggings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.taggings_id_seq OWNED BY public.taggings.id;

--
-- Name: tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tags (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint,
    name character varying NOT NULL,
    payload integer,
    starts_at_1 boolean DEFAULT false NOT NULL,
    value_2 date,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.tags_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.tags_id_seq OWNED BY public.tags.id;

--
-- Name: team_memberships; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.team_memberships (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint,
    name character varying NOT NULL,
    url timestamp(6) without time zone,
    status_1 numeric(10,2),
    starts_at_2 jsonb,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.team_memberships_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.team_memberships_id_seq OWNED BY public.team_memberships.id;

--
-- Name: teams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.teams (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    issue_id bigint NOT NULL,
    name character varying NOT NULL,
    count date,
    count_1 integer,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.teams_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.teams_id_seq OWNED BY public.teams.id;

--
-- Name: time_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.time_entries (
    id bigint NOT NULL,
    issue_id bigint NOT NULL,
    user_id bigint NOT NULL,
    spent_on date NOT NULL,
    minutes integer NOT NULL,
    note character varying,
    billable boolean DEFAULT true NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT chk_rails_time_entry_minutes CHECK ((minutes > 0) AND (minutes <= 1440))
);

CREATE SEQUENCE public.time_entries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.time_entries_id_seq OWNED BY public.time_entries.id;

--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    email character varying DEFAULT ''::character varying NOT NULL,
    encrypted_password character varying DEFAULT ''::character varying NOT NULL,
    reset_password_token character varying,
    reset_password_sent_at timestamp(6) without time zone,
    remember_created_at timestamp(6) without time zone,
    sign_in_count integer DEFAULT 0 NOT NULL,
    current_sign_in_ip inet,
    name character varying,
    role integer DEFAULT 0 NOT NULL,
    time_zone character varying DEFAULT 'UTC'::character varying,
    discarded_at timestamp(6) without time zone,
    preferences jsonb DEFAULT '{}'::jsonb,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT chk_rails_users_role CHECK (role = ANY (ARRAY[0, 1, 2]))
);

CREATE SEQUENCE public.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;

--
-- Name: watchers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.watchers (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    external_id integer,
    status_1 character varying,
    external_id_2 jsonb,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.watchers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.watchers_id_seq OWNED BY public.watchers.id;

--
-- Name: webhook_endpoints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_endpoints (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    url character varying NOT NULL,
    events character varying[] DEFAULT '{}'::character varying[] NOT NULL,
    secret character varying,
    enabled boolean DEFAULT true NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.webhook_endpoints_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.webhook_endpoints_id_seq OWNED BY public.webhook_endpoints.id;

--
-- Name: widgets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.widgets (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    ends_at date,
    kind_1 integer,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.widgets_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.widgets_id_seq OWNED BY public.widgets.id;

--
-- Name: wiki_page_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.wiki_page_versions (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    status numeric(10,2),
    enabled_1 numeric(10,2),
    enabled_2 jsonb,
    locked_at_3 boolean DEFAULT false NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.wiki_page_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.wiki_page_versions_id_seq OWNED BY public.wiki_page_versions.id;

--
-- Name: wiki_pages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.wiki_pages (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    payload jsonb,
    external_id_1 boolean DEFAULT false NOT NULL,
    kind_2 date,
    discarded_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.wiki_pages_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.wiki_pages_id_seq OWNED BY public.wiki_pages.id;

--
-- Name: workflow_transitions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.workflow_transitions (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    name character varying NOT NULL,
    count boolean DEFAULT false NOT NULL,
    count_1 numeric(10,2),
    starts_at_2 jsonb,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.workflow_transitions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.workflow_transitions_id_seq OWNED BY public.workflow_transitions.id;

--
-- Name: workflows; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.workflows (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    name character varying NOT NULL,
    enabled character varying,
    locked_at_1 numeric(10,2),
    token_2 text,
    status_3 bigint,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE SEQUENCE public.workflows_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.workflows_id_seq OWNED BY public.workflows.id;

ALTER TABLE ONLY public.accounts ALTER COLUMN id SET DEFAULT nextval('public.accounts_id_seq'::regclass);
ALTER TABLE ONLY public.action_text_rich_texts ALTER COLUMN id SET DEFAULT nextval('public.action_text_rich_texts_id_seq'::regclass);
ALTER TABLE ONLY public.active_storage_attachments ALTER COLUMN id SET DEFAULT nextval('public.active_storage_attachments_id_seq'::regclass);
ALTER TABLE ONLY public.active_storage_blobs ALTER COLUMN id SET DEFAULT nextval('public.active_storage_blobs_id_seq'::regclass);
ALTER TABLE ONLY public.active_storage_variant_records ALTER COLUMN id SET DEFAULT nextval('public.active_storage_variant_records_id_seq'::regclass);
ALTER TABLE ONLY public.api_tokens ALTER COLUMN id SET DEFAULT nextval('public.api_tokens_id_seq'::regclass);
ALTER TABLE ONLY public.attachments_legacy ALTER COLUMN id SET DEFAULT nextval('public.attachments_legacy_id_seq'::regclass);
ALTER TABLE ONLY public.audits ALTER COLUMN id SET DEFAULT nextval('public.audits_id_seq'::regclass);
ALTER TABLE ONLY public.automation_runs ALTER COLUMN id SET DEFAULT nextval('public.automation_runs_id_seq'::regclass);
ALTER TABLE ONLY public.automations ALTER COLUMN id SET DEFAULT nextval('public.automations_id_seq'::regclass);
ALTER TABLE ONLY public.billing_customers ALTER COLUMN id SET DEFAULT nextval('public.billing_customers_id_seq'::regclass);
ALTER TABLE ONLY public.billing_invoices ALTER COLUMN id SET DEFAULT nextval('public.billing_invoices_id_seq'::regclass);
ALTER TABLE ONLY public.billing_line_items ALTER COLUMN id SET DEFAULT nextval('public.billing_line_items_id_seq'::regclass);
ALTER TABLE ONLY public.board_columns ALTER COLUMN id SET DEFAULT nextval('public.board_columns_id_seq'::regclass);
ALTER TABLE ONLY public.boards ALTER COLUMN id SET DEFAULT nextval('public.boards_id_seq'::regclass);
ALTER TABLE ONLY public.calendar_events ALTER COLUMN id SET DEFAULT nextval('public.calendar_events_id_seq'::regclass);
ALTER TABLE ONLY public.calendars ALTER COLUMN id SET DEFAULT nextval('public.calendars_id_seq'::regclass);
ALTER TABLE ONLY public.checks ALTER COLUMN id SET DEFAULT nextval('public.checks_id_seq'::regclass);
ALTER TABLE ONLY public.comments ALTER COLUMN id SET DEFAULT nextval('public.comments_id_seq'::regclass);
ALTER TABLE ONLY public.commits ALTER COLUMN id SET DEFAULT nextval('public.commits_id_seq'::regclass);
ALTER TABLE ONLY public.coupons ALTER COLUMN id SET DEFAULT nextval('public.coupons_id_seq'::regclass);
ALTER TABLE ONLY public.custom_field_values ALTER COLUMN id SET DEFAULT nextval('public.custom_field_values_id_seq'::regclass);
ALTER TABLE ONLY public.custom_fields ALTER COLUMN id SET DEFAULT nextval('public.custom_fields_id_seq'::regclass);
ALTER TABLE ONLY public.dashboards ALTER COLUMN id SET DEFAULT nextval('public.dashboards_id_seq'::regclass);
ALTER TABLE ONLY public.deployments ALTER COLUMN id SET DEFAULT nextval('public.deployments_id_seq'::regclass);
ALTER TABLE ONLY public.devices ALTER COLUMN id SET DEFAULT nextval('public.devices_id_seq'::regclass);
ALTER TABLE ONLY public.email_templates ALTER COLUMN id SET DEFAULT nextval('public.email_templates_id_seq'::regclass);
ALTER TABLE ONLY public.environments ALTER COLUMN id SET DEFAULT nextval('public.environments_id_seq'::regclass);
ALTER TABLE ONLY public.exports ALTER COLUMN id SET DEFAULT nextval('public.exports_id_seq'::regclass);
ALTER TABLE ONLY public.favorites ALTER COLUMN id SET DEFAULT nextval('public.favorites_id_seq'::regclass);
ALTER TABLE ONLY public.feature_flag_actors ALTER COLUMN id SET DEFAULT nextval('public.feature_flag_actors_id_seq'::regclass);
ALTER TABLE ONLY public.feature_flags ALTER COLUMN id SET DEFAULT nextval('public.feature_flags_id_seq'::regclass);
ALTER TABLE ONLY public.good_jobs ALTER COLUMN id SET DEFAULT nextval('public.good_jobs_id_seq'::regclass);
ALTER TABLE ONLY public.holidays ALTER COLUMN id SET DEFAULT nextval('public.holidays_id_seq'::regclass);
ALTER TABLE ONLY public.import_rows ALTER COLUMN id SET DEFAULT nextval('public.import_rows_id_seq'::regclass);
ALTER TABLE ONLY public.imports ALTER COLUMN id SET DEFAULT nextval('public.imports_id_seq'::regclass);
ALTER TABLE ONLY public.integrations ALTER COLUMN id SET DEFAULT nextval('public.integrations_id_seq'::regclass);
ALTER TABLE ONLY public.invitations ALTER COLUMN id SET DEFAULT nextval('public.invitations_id_seq'::regclass);
ALTER TABLE ONLY public.issue_labels ALTER COLUMN id SET DEFAULT nextval('public.issue_labels_id_seq'::regclass);
ALTER TABLE ONLY public.issues ALTER COLUMN id SET DEFAULT nextval('public.issues_id_seq'::regclass);
ALTER TABLE ONLY public.labels ALTER COLUMN id SET DEFAULT nextval('public.labels_id_seq'::regclass);
ALTER TABLE ONLY public.login_activities ALTER COLUMN id SET DEFAULT nextval('public.login_activities_id_seq'::regclass);
ALTER TABLE ONLY public.memberships ALTER COLUMN id SET DEFAULT nextval('public.memberships_id_seq'::regclass);
ALTER TABLE ONLY public.mentions ALTER COLUMN id SET DEFAULT nextval('public.mentions_id_seq'::regclass);
ALTER TABLE ONLY public.milestones ALTER COLUMN id SET DEFAULT nextval('public.milestones_id_seq'::regclass);
ALTER TABLE ONLY public.notifications ALTER COLUMN id SET DEFAULT nextval('public.notifications_id_seq'::regclass);
ALTER TABLE ONLY public.oauth_access_grants ALTER COLUMN id SET DEFAULT nextval('public.oauth_access_grants_id_seq'::regclass);
ALTER TABLE ONLY public.oauth_access_tokens ALTER COLUMN id SET DEFAULT nextval('public.oauth_access_tokens_id_seq'::regclass);
ALTER TABLE ONLY public.oauth_applications ALTER COLUMN id SET DEFAULT nextval('public.oauth_applications_id_seq'::regclass);
ALTER TABLE ONLY public.projects ALTER COLUMN id SET DEFAULT nextval('public.projects_id_seq'::regclass);
ALTER TABLE ONLY public.pull_requests ALTER COLUMN id SET DEFAULT nextval('public.pull_requests_id_seq'::regclass);
ALTER TABLE ONLY public.push_subscriptions ALTER COLUMN id SET DEFAULT nextval('public.push_subscriptions_id_seq'::regclass);
ALTER TABLE ONLY public.reactions ALTER COLUMN id SET DEFAULT nextval('public.reactions_id_seq'::regclass);
ALTER TABLE ONLY public.referrals ALTER COLUMN id SET DEFAULT nextval('public.referrals_id_seq'::regclass);
ALTER TABLE ONLY public.releases ALTER COLUMN id SET DEFAULT nextval('public.releases_id_seq'::regclass);
ALTER TABLE ONLY public.report_runs ALTER COLUMN id SET DEFAULT nextval('public.report_runs_id_seq'::regclass);
ALTER TABLE ONLY public.reports ALTER COLUMN id SET DEFAULT nextval('public.reports_id_seq'::regclass);
ALTER TABLE ONLY public.repositories ALTER COLUMN id SET DEFAULT nextval('public.repositories_id_seq'::regclass);
ALTER TABLE ONLY public.reviews ALTER COLUMN id SET DEFAULT nextval('public.reviews_id_seq'::regclass);
ALTER TABLE ONLY public.saved_filters ALTER COLUMN id SET DEFAULT nextval('public.saved_filters_id_seq'::regclass);
ALTER TABLE ONLY public.settings ALTER COLUMN id SET DEFAULT nextval('public.settings_id_seq'::regclass);
ALTER TABLE ONLY public.sla_breaches ALTER COLUMN id SET DEFAULT nextval('public.sla_breaches_id_seq'::regclass);
ALTER TABLE ONLY public.sla_policies ALTER COLUMN id SET DEFAULT nextval('public.sla_policies_id_seq'::regclass);
ALTER TABLE ONLY public.slack_channels ALTER COLUMN id SET DEFAULT nextval('public.slack_channels_id_seq'::regclass);
ALTER TABLE ONLY public.sprints ALTER COLUMN id SET DEFAULT nextval('public.sprints_id_seq'::regclass);
ALTER TABLE ONLY public.taggings ALTER COLUMN id SET DEFAULT nextval('public.taggings_id_seq'::regclass);
ALTER TABLE ONLY public.tags ALTER COLUMN id SET DEFAULT nextval('public.tags_id_seq'::regclass);
ALTER TABLE ONLY public.team_memberships ALTER COLUMN id SET DEFAULT nextval('public.team_memberships_id_seq'::regclass);
ALTER TABLE ONLY public.teams ALTER COLUMN id SET DEFAULT nextval('public.teams_id_seq'::regclass);
ALTER TABLE ONLY public.time_entries ALTER COLUMN id SET DEFAULT nextval('public.time_entries_id_seq'::regclass);
ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);
ALTER TABLE ONLY public.watchers ALTER COLUMN id SET DEFAULT nextval('public.watchers_id_seq'::regclass);
ALTER TABLE ONLY public.webhook_endpoints ALTER COLUMN id SET DEFAULT nextval('public.webhook_endpoints_id_seq'::regclass);
ALTER TABLE ONLY public.widgets ALTER COLUMN id SET DEFAULT nextval('public.widgets_id_seq'::regclass);
ALTER TABLE ONLY public.wiki_page_versions ALTER COLUMN id SET DEFAULT nextval('public.wiki_page_versions_id_seq'::regclass);
ALTER TABLE ONLY public.wiki_pages ALTER COLUMN id SET DEFAULT nextval('public.wiki_pages_id_seq'::regclass);
ALTER TABLE ONLY public.workflow_transitions ALTER COLUMN id SET DEFAULT nextval('public.workflow_transitions_id_seq'::regclass);
ALTER TABLE ONLY public.workflows ALTER COLUMN id SET DEFAULT nextval('public.workflows_id_seq'::regclass);

ALTER TABLE ONLY public.ar_internal_metadata
    ADD CONSTRAINT ar_internal_metadata_pkey PRIMARY KEY (key);

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.action_text_rich_texts
    ADD CONSTRAINT action_text_rich_texts_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.active_storage_attachments
    ADD CONSTRAINT active_storage_attachments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.active_storage_blobs
    ADD CONSTRAINT active_storage_blobs_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.active_storage_variant_records
    ADD CONSTRAINT active_storage_variant_records_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.attachments_legacy
    ADD CONSTRAINT attachments_legacy_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.audits
    ADD CONSTRAINT audits_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.automation_runs
    ADD CONSTRAINT automation_runs_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.automations
    ADD CONSTRAINT automations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.billing_customers
    ADD CONSTRAINT billing_customers_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.billing_invoices
    ADD CONSTRAINT billing_invoices_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.billing_line_items
    ADD CONSTRAINT billing_line_items_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.board_columns
    ADD CONSTRAINT board_columns_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.boards
    ADD CONSTRAINT boards_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.calendar_events
    ADD CONSTRAINT calendar_events_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.calendars
    ADD CONSTRAINT calendars_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.checks
    ADD CONSTRAINT checks_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.comments
    ADD CONSTRAINT comments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.commits
    ADD CONSTRAINT commits_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.coupons
    ADD CONSTRAINT coupons_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.custom_field_values
    ADD CONSTRAINT custom_field_values_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.custom_fields
    ADD CONSTRAINT custom_fields_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.dashboards
    ADD CONSTRAINT dashboards_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.deployments
    ADD CONSTRAINT deployments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.devices
    ADD CONSTRAINT devices_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.email_templates
    ADD CONSTRAINT email_templates_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.environments
    ADD CONSTRAINT environments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.exports
    ADD CONSTRAINT exports_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.favorites
    ADD CONSTRAINT favorites_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.feature_flag_actors
    ADD CONSTRAINT feature_flag_actors_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.feature_flags
    ADD CONSTRAINT feature_flags_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.good_jobs
    ADD CONSTRAINT good_jobs_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.holidays
    ADD CONSTRAINT holidays_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT import_rows_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT integrations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.issue_labels
    ADD CONSTRAINT issue_labels_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.issues
    ADD CONSTRAINT issues_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.labels
    ADD CONSTRAINT labels_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.login_activities
    ADD CONSTRAINT login_activities_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT mentions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.milestones
    ADD CONSTRAINT milestones_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.oauth_access_grants
    ADD CONSTRAINT oauth_access_grants_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.oauth_access_tokens
    ADD CONSTRAINT oauth_access_tokens_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.oauth_applications
    ADD CONSTRAINT oauth_applications_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.pull_requests
    ADD CONSTRAINT pull_requests_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.push_subscriptions
    ADD CONSTRAINT push_subscriptions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.reactions
    ADD CONSTRAINT reactions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.referrals
    ADD CONSTRAINT referrals_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT releases_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.report_runs
    ADD CONSTRAINT report_runs_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.repositories
    ADD CONSTRAINT repositories_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.saved_filters
    ADD CONSTRAINT saved_filters_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sla_breaches
    ADD CONSTRAINT sla_breaches_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sla_policies
    ADD CONSTRAINT sla_policies_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.slack_channels
    ADD CONSTRAINT slack_channels_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sprints
    ADD CONSTRAINT sprints_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.taggings
    ADD CONSTRAINT taggings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT tags_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.team_memberships
    ADD CONSTRAINT team_memberships_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.time_entries
    ADD CONSTRAINT time_entries_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.watchers
    ADD CONSTRAINT watchers_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.webhook_endpoints
    ADD CONSTRAINT webhook_endpoints_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.widgets
    ADD CONSTRAINT widgets_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.wiki_page_versions
    ADD CONSTRAINT wiki_page_versions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.wiki_pages
    ADD CONSTRAINT wiki_pages_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.workflow_transitions
    ADD CONSTRAINT workflow_transitions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.workflows
    ADD CONSTRAINT workflows_pkey PRIMARY KEY (id);

CREATE INDEX associated_index ON public.audits USING btree (associated_type, associated_id);
CREATE INDEX auditable_index ON public.audits USING btree (auditable_type, auditable_id, version);
CREATE INDEX index_accounts_on_discarded_at ON public.accounts USING btree (discarded_at);
CREATE INDEX index_action_text_rich_texts_on_record_id ON public.action_text_rich_texts USING btree (record_id);
CREATE INDEX index_active_storage_attachments_on_blob_id ON public.active_storage_attachments USING btree (blob_id);
CREATE INDEX index_active_storage_attachments_on_record_id ON public.active_storage_attachments USING btree (record_id);
CREATE INDEX index_active_storage_variant_records_on_blob_id ON public.active_storage_variant_records USING btree (blob_id);
CREATE INDEX index_api_tokens_live ON public.api_tokens USING btree (user_id) WHERE (expires_at IS NULL);
CREATE INDEX index_api_tokens_on_user_id ON public.api_tokens USING btree (user_id);
CREATE INDEX index_attachments_legacy_on_account_id ON public.attachments_legacy USING btree (account_id);
CREATE INDEX index_attachments_legacy_on_discarded_at ON public.attachments_legacy USING btree (discarded_at);
CREATE INDEX index_attachments_legacy_on_issue_id ON public.attachments_legacy USING btree (issue_id);
CREATE INDEX index_audits_on_associated_id ON public.audits USING btree (associated_id);
CREATE INDEX index_audits_on_auditable_id ON public.audits USING btree (auditable_id);
CREATE INDEX index_audits_on_audited_changes ON public.audits USING gin (audited_changes jsonb_path_ops);
CREATE INDEX index_audits_on_created_at ON public.audits USING brin (created_at);
CREATE INDEX index_audits_on_request_uuid ON public.audits USING hash (request_uuid);
CREATE INDEX index_audits_on_user_id ON public.audits USING btree (user_id);
CREATE INDEX index_automation_runs_on_account_id ON public.automation_runs USING btree (account_id);
CREATE INDEX index_automation_runs_on_discarded_at ON public.automation_runs USING btree (discarded_at);
CREATE INDEX index_automation_runs_on_issue_id ON public.automation_runs USING btree (issue_id);
CREATE INDEX index_automations_on_account_id ON public.automations USING btree (account_id);
CREATE INDEX index_billing_customers_on_account_id ON public.billing_customers USING btree (account_id);
CREATE INDEX index_billing_customers_on_project_id ON public.billing_customers USING btree (project_id);
CREATE INDEX index_billing_invoices_on_account_id ON public.billing_invoices USING btree (account_id);
CREATE INDEX index_billing_line_items_on_account_id ON public.billing_line_items USING btree (account_id);
CREATE INDEX index_board_columns_on_account_id ON public.board_columns USING btree (account_id);
CREATE INDEX index_board_columns_on_project_id ON public.board_columns USING btree (project_id);
CREATE INDEX index_boards_on_account_id ON public.boards USING btree (account_id);
CREATE INDEX index_boards_on_external_id ON public.boards USING btree (external_id);
CREATE INDEX index_boards_on_issue_id ON public.boards USING btree (issue_id);
CREATE INDEX index_calendar_events_on_account_id ON public.calendar_events USING btree (account_id);
CREATE INDEX index_calendar_events_on_project_id ON public.calendar_events USING btree (project_id);
CREATE INDEX index_calendars_on_account_id ON public.calendars USING btree (account_id);
CREATE INDEX index_calendars_on_discarded_at ON public.calendars USING btree (discarded_at);
CREATE INDEX index_calendars_on_issue_id ON public.calendars USING btree (issue_id);
CREATE INDEX index_checks_on_account_id ON public.checks USING btree (account_id);
CREATE INDEX index_checks_on_discarded_at ON public.checks USING btree (discarded_at);
CREATE INDEX index_checks_on_issue_id ON public.checks USING btree (issue_id);
CREATE INDEX index_comments_on_commentable ON public.comments USING btree (commentable_type, commentable_id);
CREATE INDEX index_comments_on_commentable_id ON public.comments USING btree (commentable_id);
CREATE INDEX index_comments_on_user_id ON public.comments USING btree (user_id);
CREATE INDEX index_commits_on_account_id ON public.commits USING btree (account_id);
CREATE INDEX index_commits_on_discarded_at ON public.commits USING btree (discarded_at);
CREATE INDEX index_commits_on_issue_id ON public.commits USING btree (issue_id);
CREATE INDEX index_coupons_on_account_id ON public.coupons USING btree (account_id);
CREATE INDEX index_custom_field_values_on_account_id ON public.custom_field_values USING btree (account_id);
CREATE INDEX index_custom_field_values_on_issue_id ON public.custom_field_values USING btree (issue_id);
CREATE INDEX index_custom_fields_on_account_id ON public.custom_fields USING btree (account_id);
CREATE INDEX index_dashboards_on_account_id ON public.dashboards USING btree (account_id);
CREATE INDEX index_dashboards_on_user_id ON public.dashboards USING btree (user_id);
CREATE INDEX index_deployments_on_account_id ON public.deployments USING btree (account_id);
CREATE INDEX index_deployments_on_project_id ON public.deployments USING btree (project_id);
CREATE INDEX index_devices_on_account_id ON public.devices USING btree (account_id);
CREATE INDEX index_email_templates_on_account_id ON public.email_templates USING btree (account_id);
CREATE INDEX index_email_templates_on_issue_id ON public.email_templates USING btree (issue_id);
CREATE INDEX index_environments_on_account_id ON public.environments USING btree (account_id);
CREATE INDEX index_environments_on_discarded_at ON public.environments USING btree (discarded_at);
CREATE INDEX index_environments_on_project_id ON public.environments USING btree (project_id);
CREATE INDEX index_exports_on_account_id ON public.exports USING btree (account_id);
CREATE INDEX index_exports_on_count ON public.exports USING gin (count jsonb_path_ops);
CREATE INDEX index_exports_on_discarded_at ON public.exports USING btree (discarded_at);
CREATE INDEX index_exports_on_payload_3 ON public.exports USING gin (payload_3 jsonb_path_ops);
CREATE INDEX index_exports_on_project_id ON public.exports USING btree (project_id);
CREATE INDEX index_favorites_on_account_id ON public.favorites USING btree (account_id);
CREATE INDEX index_favorites_on_project_id ON public.favorites USING btree (project_id);
CREATE INDEX index_feature_flag_actors_on_account_id ON public.feature_flag_actors USING btree (account_id);
CREATE INDEX index_feature_flag_actors_on_kind_2 ON public.feature_flag_actors USING gin (kind_2 jsonb_path_ops);
CREATE INDEX index_feature_flag_actors_on_project_id ON public.feature_flag_actors USING btree (project_id);
CREATE INDEX index_feature_flags_on_account_id ON public.feature_flags USING btree (account_id);
CREATE INDEX index_feature_flags_on_external_id ON public.feature_flags USING btree (external_id);
CREATE INDEX index_feature_flags_on_project_id ON public.feature_flags USING btree (project_id);
CREATE INDEX index_good_jobs_jobs_on_finished_at ON public.good_jobs USING btree (finished_at) WHERE ((retried_good_job_id IS NULL) AND (finished_at IS NOT NULL));
CREATE INDEX index_good_jobs_jobs_on_priority_created_at_when_unfinished ON public.good_jobs USING btree (priority DESC NULLS LAST, created_at) WHERE (finished_at IS NULL);
CREATE INDEX index_good_jobs_on_active_job_id_and_created_at ON public.good_jobs USING btree (active_job_id, created_at);
CREATE INDEX index_good_jobs_on_batch_id ON public.good_jobs USING btree (batch_id) WHERE (batch_id IS NOT NULL);
CREATE INDEX index_good_jobs_on_concurrency_key_when_unfinished ON public.good_jobs USING btree (concurrency_key) WHERE (finished_at IS NULL);
CREATE INDEX index_good_jobs_on_cron_key_and_created_at ON public.good_jobs USING btree (cron_key, created_at);
CREATE INDEX index_good_jobs_on_queue_name_and_scheduled_at ON public.good_jobs USING btree (queue_name, scheduled_at) WHERE (finished_at IS NULL);
CREATE INDEX index_good_jobs_on_scheduled_at ON public.good_jobs USING btree (scheduled_at) WHERE (finished_at IS NULL);
CREATE INDEX index_holidays_on_account_id ON public.holidays USING btree (account_id);
CREATE INDEX index_holidays_on_user_id ON public.holidays USING btree (user_id);
CREATE INDEX index_import_rows_on_account_id ON public.import_rows USING btree (account_id);
CREATE INDEX index_import_rows_on_external_id_3 ON public.import_rows USING gin (external_id_3 jsonb_path_ops);
CREATE INDEX index_import_rows_on_user_id ON public.import_rows USING btree (user_id);
CREATE INDEX index_imports_on_account_id ON public.imports USING btree (account_id);
CREATE INDEX index_imports_on_discarded_at ON public.imports USING btree (discarded_at);
CREATE INDEX index_imports_on_issue_id ON public.imports USING btree (issue_id);
CREATE INDEX index_imports_on_status_1 ON public.imports USING gin (status_1 jsonb_path_ops);
CREATE INDEX index_integrations_on_account_id ON public.integrations USING btree (account_id);
CREATE INDEX index_integrations_on_project_id ON public.integrations USING btree (project_id);
CREATE INDEX index_invitations_on_account_id ON public.invitations USING btree (account_id);
CREATE INDEX index_invitations_on_discarded_at ON public.invitations USING btree (discarded_at);
CREATE INDEX index_invitations_on_project_id ON public.invitations USING btree (project_id);
CREATE INDEX index_issue_labels_on_issue_id ON public.issue_labels USING btree (issue_id);
CREATE INDEX index_issue_labels_on_label_id ON public.issue_labels USING btree (label_id);
CREATE INDEX index_issues_on_assignee_id ON public.issues USING btree (assignee_id);
CREATE INDEX index_issues_on_author_id ON public.issues USING btree (author_id);
CREATE INDEX index_issues_on_discarded_at ON public.issues USING btree (discarded_at);
CREATE INDEX index_issues_on_due_on ON public.issues USING btree (due_on) WHERE ((due_on IS NOT NULL) AND (closed_at IS NULL));
CREATE INDEX index_issues_on_labels_cache ON public.issues USING gin (labels_cache);
CREATE INDEX index_issues_on_project_id ON public.issues USING btree (project_id);
CREATE INDEX index_issues_on_title_trigram ON public.issues USING gin (title public.gin_trgm_ops);
CREATE INDEX index_issues_open_by_priority ON public.issues USING btree (project_id, priority DESC, created_at) WHERE (((state)::text = 'open'::text) AND (discarded_at IS NULL));
CREATE INDEX index_labels_on_project_id ON public.labels USING btree (project_id);
CREATE INDEX index_login_activities_on_account_id ON public.login_activities USING btree (account_id);
CREATE INDEX index_login_activities_on_discarded_at ON public.login_activities USING btree (discarded_at);
CREATE INDEX index_login_activities_on_user_id ON public.login_activities USING btree (user_id);
CREATE INDEX index_memberships_on_project_id ON public.memberships USING btree (project_id);
CREATE INDEX index_memberships_on_user_id ON public.memberships USING btree (user_id);
CREATE INDEX index_mentions_on_account_id ON public.mentions USING btree (account_id);
CREATE INDEX index_mentions_on_project_id ON public.mentions USING btree (project_id);
CREATE INDEX index_milestones_on_account_id ON public.milestones USING btree (account_id);
CREATE INDEX index_milestones_on_discarded_at ON public.milestones USING btree (discarded_at);
CREATE INDEX index_notifications_on_actor_id ON public.notifications USING btree (actor_id);
CREATE INDEX index_notifications_on_notifiable ON public.notifications USING btree (notifiable_type, notifiable_id);
CREATE INDEX index_notifications_on_notifiable_id ON public.notifications USING btree (notifiable_id);
CREATE INDEX index_notifications_on_recipient_id ON public.notifications USING btree (recipient_id);
CREATE INDEX index_notifications_unread ON public.notifications USING btree (recipient_id, created_at DESC) WHERE (read_at IS NULL);
CREATE INDEX index_oauth_access_grants_on_account_id ON public.oauth_access_grants USING btree (account_id);
CREATE INDEX index_oauth_access_grants_on_discarded_at ON public.oauth_access_grants USING btree (discarded_at);
CREATE INDEX index_oauth_access_grants_on_external_id ON public.oauth_access_grants USING btree (external_id);
CREATE INDEX index_oauth_access_grants_on_user_id ON public.oauth_access_grants USING btree (user_id);
CREATE INDEX index_oauth_access_tokens_on_account_id ON public.oauth_access_tokens USING btree (account_id);
CREATE INDEX index_oauth_access_tokens_on_discarded_at ON public.oauth_access_tokens USING btree (discarded_at);
CREATE INDEX index_oauth_access_tokens_on_external_id ON public.oauth_access_tokens USING btree (external_id);
CREATE INDEX index_oauth_applications_on_account_id ON public.oauth_applications USING btree (account_id);
CREATE INDEX index_oauth_applications_on_discarded_at ON public.oauth_applications USING btree (discarded_at);
CREATE INDEX index_oauth_applications_on_locked_at_3 ON public.oauth_applications USING gin (locked_at_3 jsonb_path_ops);
CREATE INDEX index_oauth_applications_on_value_1 ON public.oauth_applications USING gin (value_1 jsonb_path_ops);
CREATE INDEX index_projects_on_account_id ON public.projects USING btree (account_id);
CREATE INDEX index_projects_on_discarded_at ON public.projects USING btree (discarded_at);
CREATE INDEX index_projects_on_owner_id ON public.projects USING btree (owner_id);
CREATE INDEX index_pull_requests_on_account_id ON public.pull_requests USING btree (account_id);
CREATE INDEX index_pull_requests_on_issue_id ON public.pull_requests USING btree (issue_id);
CREATE INDEX index_pull_requests_on_payload ON public.pull_requests USING gin (payload jsonb_path_ops);
CREATE INDEX index_push_subscriptions_on_account_id ON public.push_subscriptions USING btree (account_id);
CREATE INDEX index_push_subscriptions_on_user_id ON public.push_subscriptions USING btree (user_id);
CREATE INDEX index_reactions_on_account_id ON public.reactions USING btree (account_id);
CREATE INDEX index_reactions_on_discarded_at ON public.reactions USING btree (discarded_at);
CREATE INDEX index_reactions_on_project_id ON public.reactions USING btree (project_id);
CREATE INDEX index_referrals_on_account_id ON public.referrals USING btree (account_id);
CREATE INDEX index_referrals_on_discarded_at ON public.referrals USING btree (discarded_at);
CREATE INDEX index_referrals_on_issue_id ON public.referrals USING btree (issue_id);
CREATE INDEX index_releases_on_account_id ON public.releases USING btree (account_id);
CREATE INDEX index_releases_on_discarded_at ON public.releases USING btree (discarded_at);
CREATE INDEX index_report_runs_on_account_id ON public.report_runs USING btree (account_id);
CREATE INDEX index_reports_on_account_id ON public.reports USING btree (account_id);
CREATE INDEX index_reports_on_discarded_at ON public.reports USING btree (discarded_at);
CREATE INDEX index_reports_on_project_id ON public.reports USING btree (project_id);
CREATE INDEX index_repositories_on_account_id ON public.repositories USING btree (account_id);
CREATE INDEX index_repositories_on_discarded_at ON public.repositories USING btree (discarded_at);
CREATE INDEX index_repositories_on_project_id ON public.repositories USING btree (project_id);
CREATE INDEX index_reviews_on_account_id ON public.reviews USING btree (account_id);
CREATE INDEX index_reviews_on_external_id ON public.reviews USING btree (external_id);
CREATE INDEX index_reviews_on_user_id ON public.reviews USING btree (user_id);
CREATE INDEX index_saved_filters_on_account_id ON public.saved_filters USING btree (account_id);
CREATE INDEX index_settings_on_account_id ON public.settings USING btree (account_id);
CREATE INDEX index_settings_on_discarded_at ON public.settings USING btree (discarded_at);
CREATE INDEX index_settings_on_issue_id ON public.settings USING btree (issue_id);
CREATE INDEX index_sla_breaches_on_account_id ON public.sla_breaches USING btree (account_id);
CREATE INDEX index_sla_policies_on_account_id ON public.sla_policies USING btree (account_id);
CREATE INDEX index_sla_policies_on_discarded_at ON public.sla_policies USING btree (discarded_at);
CREATE INDEX index_sla_policies_on_position ON public.sla_policies USING gin (position jsonb_path_ops);
CREATE INDEX index_sla_policies_on_project_id ON public.sla_policies USING btree (project_id);
CREATE INDEX index_slack_channels_on_account_id ON public.slack_channels USING btree (account_id);
CREATE INDEX index_slack_channels_on_project_id ON public.slack_channels USING btree (project_id);
CREATE INDEX index_sprints_on_account_id ON public.sprints USING btree (account_id);
CREATE INDEX index_sprints_on_user_id ON public.sprints USING btree (user_id);
CREATE INDEX index_taggings_on_account_id ON public.taggings USING btree (account_id);
CREATE INDEX index_taggings_on_issue_id ON public.taggings USING btree (issue_id);
CREATE INDEX index_tags_on_account_id ON public.tags USING btree (account_id);
CREATE INDEX index_tags_on_discarded_at ON public.tags USING btree (discarded_at);
CREATE INDEX index_tags_on_issue_id ON public.tags USING btree (issue_id);
CREATE INDEX index_team_memberships_on_account_id ON public.team_memberships USING btree (account_id);
CREATE INDEX index_team_memberships_on_project_id ON public.team_memberships USING btree (project_id);
CREATE INDEX index_team_memberships_on_starts_at_2 ON public.team_memberships USING gin (starts_at_2 jsonb_path_ops);
CREATE INDEX index_teams_on_account_id ON public.teams USING btree (account_id);
CREATE INDEX index_teams_on_discarded_at ON public.teams USING btree (discarded_at);
CREATE INDEX index_teams_on_issue_id ON public.teams USING btree (issue_id);
CREATE INDEX index_time_entries_on_issue_id ON public.time_entries USING btree (issue_id);
CREATE INDEX index_time_entries_on_user_id ON public.time_entries USING btree (user_id);
CREATE INDEX index_time_entries_on_user_id_and_spent_on ON public.time_entries USING btree (user_id, spent_on DESC) INCLUDE (minutes);
CREATE INDEX index_users_on_account_id ON public.users USING btree (account_id);
CREATE INDEX index_users_on_discarded_at ON public.users USING btree (discarded_at);
CREATE INDEX index_users_on_name_trigram ON public.users USING gin (name public.gin_trgm_ops);
CREATE INDEX index_watchers_on_account_id ON public.watchers USING btree (account_id);
CREATE INDEX index_watchers_on_discarded_at ON public.watchers USING btree (discarded_at);
CREATE INDEX index_watchers_on_external_id ON public.watchers USING btree (external_id);
CREATE INDEX index_watchers_on_external_id_2 ON public.watchers USING gin (external_id_2 jsonb_path_ops);
CREATE INDEX index_webhook_endpoints_on_account_id ON public.webhook_endpoints USING btree (account_id);
CREATE INDEX index_widgets_on_account_id ON public.widgets USING btree (account_id);
CREATE INDEX index_widgets_on_discarded_at ON public.widgets USING btree (discarded_at);
CREATE INDEX index_widgets_on_project_id ON public.widgets USING btree (project_id);
CREATE INDEX index_wiki_page_versions_on_account_id ON public.wiki_page_versions USING btree (account_id);
CREATE INDEX index_wiki_pages_on_account_id ON public.wiki_pages USING btree (account_id);
CREATE INDEX index_wiki_pages_on_discarded_at ON public.wiki_pages USING btree (discarded_at);
CREATE INDEX index_wiki_pages_on_payload ON public.wiki_pages USING gin (payload jsonb_path_ops);
CREATE INDEX index_workflow_transitions_on_account_id ON public.workflow_transitions USING btree (account_id);
CREATE INDEX index_workflow_transitions_on_project_id ON public.workflow_transitions USING btree (project_id);
CREATE INDEX index_workflows_on_account_id ON public.workflows USING btree (account_id);
CREATE INDEX user_index ON public.audits USING btree (user_id, user_type);
CREATE UNIQUE INDEX index_accounts_on_lower_subdomain ON public.accounts USING btree (lower((subdomain)::text));
CREATE UNIQUE INDEX index_action_text_rich_texts_uniqueness ON public.action_text_rich_texts USING btree (record_type, record_id, name);
CREATE UNIQUE INDEX index_active_storage_attachments_uniqueness ON public.active_storage_attachments USING btree (record_type, record_id, name, blob_id);
CREATE UNIQUE INDEX index_active_storage_blobs_on_key ON public.active_storage_blobs USING btree (key);
CREATE UNIQUE INDEX index_active_storage_variant_records_uniqueness ON public.active_storage_variant_records USING btree (blob_id, variation_digest);
CREATE UNIQUE INDEX index_api_tokens_on_token_digest ON public.api_tokens USING btree (token_digest);
CREATE UNIQUE INDEX index_billing_line_items_on_account_id_and_lower_name ON public.billing_line_items USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_boards_on_account_id_and_lower_name ON public.boards USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_checks_on_account_id_and_lower_name ON public.checks USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_custom_fields_on_account_id_and_lower_name ON public.custom_fields USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_dashboards_on_account_id_and_lower_name ON public.dashboards USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_devices_on_account_id_and_lower_name ON public.devices USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_exports_on_account_id_and_lower_name ON public.exports USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_favorites_on_account_id_and_lower_name ON public.favorites USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_feature_flag_actors_on_account_id_and_lower_name ON public.feature_flag_actors USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_feature_flags_on_account_id_and_lower_name ON public.feature_flags USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_good_jobs_on_cron_key_and_cron_at ON public.good_jobs USING btree (cron_key, cron_at);
CREATE UNIQUE INDEX index_imports_on_account_id_and_lower_name ON public.imports USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_issue_labels_on_issue_id_and_label_id ON public.issue_labels USING btree (issue_id, label_id);
CREATE UNIQUE INDEX index_issues_on_project_id_and_number ON public.issues USING btree (project_id, number);
CREATE UNIQUE INDEX index_labels_on_project_id_and_lower_name ON public.labels USING btree (project_id, lower((name)::text));
CREATE UNIQUE INDEX index_memberships_on_project_id_and_user_id ON public.memberships USING btree (project_id, user_id);
CREATE UNIQUE INDEX index_milestones_on_account_id_and_lower_name ON public.milestones USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_projects_on_account_id_and_key ON public.projects USING btree (account_id, upper((key)::text));
CREATE UNIQUE INDEX index_projects_on_account_id_and_lower_name ON public.projects USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_pull_requests_on_account_id_and_lower_name ON public.pull_requests USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_referrals_on_account_id_and_lower_name ON public.referrals USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_releases_on_account_id_and_lower_name ON public.releases USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_report_runs_on_account_id_and_lower_name ON public.report_runs USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_reports_on_account_id_and_lower_name ON public.reports USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_settings_on_account_id_and_lower_name ON public.settings USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_sla_breaches_on_account_id_and_lower_name ON public.sla_breaches USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_slack_channels_on_account_id_and_lower_name ON public.slack_channels USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_sprints_on_account_id_and_lower_name ON public.sprints USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_tags_on_account_id_and_lower_name ON public.tags USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_teams_on_account_id_and_lower_name ON public.teams USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_users_on_lower_email ON public.users USING btree (lower((email)::text)) WHERE (discarded_at IS NULL);
CREATE UNIQUE INDEX index_users_on_reset_password_token ON public.users USING btree (reset_password_token);
CREATE UNIQUE INDEX index_wiki_page_versions_on_account_id_and_lower_name ON public.wiki_page_versions USING btree (account_id, lower((name)::text));
CREATE UNIQUE INDEX index_wiki_pages_on_account_id_and_lower_name ON public.wiki_pages USING btree (account_id, lower((name)::text)) WHERE (discarded_at IS NULL);

ALTER TABLE ONLY public.active_storage_attachments
    ADD CONSTRAINT fk_rails_70ac7fecda FOREIGN KEY (blob_id) REFERENCES public.active_storage_blobs(id);

ALTER TABLE ONLY public.active_storage_variant_records
    ADD CONSTRAINT fk_rails_79dc9c7928 FOREIGN KEY (blob_id) REFERENCES public.active_storage_blobs(id);

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT fk_rails_7b3890ce20 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.attachments_legacy
    ADD CONSTRAINT fk_rails_64eb5dd561 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.attachments_legacy
    ADD CONSTRAINT fk_rails_6b5bd1c3e0 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.automation_runs
    ADD CONSTRAINT fk_rails_c2f2e45654 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.automation_runs
    ADD CONSTRAINT fk_rails_38fb26f8f9 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.automations
    ADD CONSTRAINT fk_rails_d5f67d6736 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.billing_customers
    ADD CONSTRAINT fk_rails_70956d120a FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.billing_customers
    ADD CONSTRAINT fk_rails_02570cc45c FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.billing_invoices
    ADD CONSTRAINT fk_rails_fa7a80c5e0 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.billing_line_items
    ADD CONSTRAINT fk_rails_0d66bc070a FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.board_columns
    ADD CONSTRAINT fk_rails_23acdca1f4 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.board_columns
    ADD CONSTRAINT fk_rails_b4fe216dcb FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.boards
    ADD CONSTRAINT fk_rails_7eddba8e82 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.boards
    ADD CONSTRAINT fk_rails_64d3ea43e6 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.calendar_events
    ADD CONSTRAINT fk_rails_d5ebfa6dce FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.calendar_events
    ADD CONSTRAINT fk_rails_d7a321ccaa FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.calendars
    ADD CONSTRAINT fk_rails_e04ac2febb FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.calendars
    ADD CONSTRAINT fk_rails_48d5498966 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.checks
    ADD CONSTRAINT fk_rails_9fb34c90d7 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.checks
    ADD CONSTRAINT fk_rails_d21a16eff3 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.comments
    ADD CONSTRAINT fk_rails_653c7a97e9 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.commits
    ADD CONSTRAINT fk_rails_c2c02e92ac FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.commits
    ADD CONSTRAINT fk_rails_8c59b08360 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.coupons
    ADD CONSTRAINT fk_rails_6a3e55e714 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.custom_field_values
    ADD CONSTRAINT fk_rails_8931845da4 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.custom_field_values
    ADD CONSTRAINT fk_rails_4b58f0762f FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.custom_fields
    ADD CONSTRAINT fk_rails_98dd2139aa FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.dashboards
    ADD CONSTRAINT fk_rails_9cd53f2a9e FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.dashboards
    ADD CONSTRAINT fk_rails_bdb8fe6dfd FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.deployments
    ADD CONSTRAINT fk_rails_6a5cc846fa FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.deployments
    ADD CONSTRAINT fk_rails_4340a347a3 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.devices
    ADD CONSTRAINT fk_rails_5bdaf3c130 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.email_templates
    ADD CONSTRAINT fk_rails_46824df518 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.email_templates
    ADD CONSTRAINT fk_rails_2d578d4215 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.environments
    ADD CONSTRAINT fk_rails_8cc07bf065 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.environments
    ADD CONSTRAINT fk_rails_ae876a4301 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.exports
    ADD CONSTRAINT fk_rails_d8783397c8 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.exports
    ADD CONSTRAINT fk_rails_964b6cd5e4 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.favorites
    ADD CONSTRAINT fk_rails_8a859358bf FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.favorites
    ADD CONSTRAINT fk_rails_9fbc44ebe1 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.feature_flag_actors
    ADD CONSTRAINT fk_rails_daba77f3b6 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.feature_flag_actors
    ADD CONSTRAINT fk_rails_10995b9316 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.feature_flags
    ADD CONSTRAINT fk_rails_49838bdf77 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.feature_flags
    ADD CONSTRAINT fk_rails_588326fd71 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.holidays
    ADD CONSTRAINT fk_rails_06651c20d7 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.holidays
    ADD CONSTRAINT fk_rails_86ebdf862b FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT fk_rails_90eb729170 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT fk_rails_8c809a65f8 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT fk_rails_f6b444dacf FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT fk_rails_8b09cd2a08 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT fk_rails_db0fed8f8e FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT fk_rails_0295898233 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT fk_rails_dc21be1bfc FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT fk_rails_677e045170 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.issue_labels
    ADD CONSTRAINT fk_rails_feda846458 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.issue_labels
    ADD CONSTRAINT fk_rails_c61e34d2bb FOREIGN KEY (label_id) REFERENCES public.labels(id);

ALTER TABLE ONLY public.issues
    ADD CONSTRAINT fk_rails_5e9a6bbbaa FOREIGN KEY (assignee_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.issues
    ADD CONSTRAINT fk_rails_93c6d5175a FOREIGN KEY (author_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.issues
    ADD CONSTRAINT fk_rails_113bdfaa08 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.labels
    ADD CONSTRAINT fk_rails_5443ad2ed6 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.login_activities
    ADD CONSTRAINT fk_rails_c872abf539 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.login_activities
    ADD CONSTRAINT fk_rails_7a89f96a65 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT fk_rails_651cd9871c FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT fk_rails_bbb7047298 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT fk_rails_9c9ad4f421 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT fk_rails_219470b7f2 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.milestones
    ADD CONSTRAINT fk_rails_4052e055bb FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT fk_rails_34b47640cb FOREIGN KEY (actor_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT fk_rails_4c19c993a9 FOREIGN KEY (recipient_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.oauth_access_grants
    ADD CONSTRAINT fk_rails_a5a78354ec FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.oauth_access_grants
    ADD CONSTRAINT fk_rails_a68d9f97c4 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.oauth_access_tokens
    ADD CONSTRAINT fk_rails_7829040d8e FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.oauth_applications
    ADD CONSTRAINT fk_rails_67513ac380 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT fk_rails_89a153045d FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT fk_rails_b44ec24cb7 FOREIGN KEY (owner_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.pull_requests
    ADD CONSTRAINT fk_rails_a8b7bbbee3 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.pull_requests
    ADD CONSTRAINT fk_rails_464fe86692 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.push_subscriptions
    ADD CONSTRAINT fk_rails_b6ab7166e5 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.push_subscriptions
    ADD CONSTRAINT fk_rails_46ede69eb4 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.reactions
    ADD CONSTRAINT fk_rails_5c1c10bd8d FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.reactions
    ADD CONSTRAINT fk_rails_051fa49f64 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.referrals
    ADD CONSTRAINT fk_rails_7c3e20006f FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.referrals
    ADD CONSTRAINT fk_rails_8c1d6932f4 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT fk_rails_a1282ba14d FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.report_runs
    ADD CONSTRAINT fk_rails_7052c4a7f9 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT fk_rails_cd019b9842 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT fk_rails_83b9e4304b FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.repositories
    ADD CONSTRAINT fk_rails_9e5b8eb4d6 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.repositories
    ADD CONSTRAINT fk_rails_419364fa81 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT fk_rails_86118a2fd7 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT fk_rails_194a530d02 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.saved_filters
    ADD CONSTRAINT fk_rails_718b33d58b FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.settings
    ADD CONSTRAINT fk_rails_3703ded5da FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.settings
    ADD CONSTRAINT fk_rails_f4ef189ed2 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.sla_breaches
    ADD CONSTRAINT fk_rails_bb90d4c002 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.sla_policies
    ADD CONSTRAINT fk_rails_c8a2abaddc FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.sla_policies
    ADD CONSTRAINT fk_rails_31b77ce475 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.slack_channels
    ADD CONSTRAINT fk_rails_0f29a6b52a FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.slack_channels
    ADD CONSTRAINT fk_rails_8b692a6980 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.sprints
    ADD CONSTRAINT fk_rails_6466b5794b FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.sprints
    ADD CONSTRAINT fk_rails_bfff2dbce6 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.taggings
    ADD CONSTRAINT fk_rails_bc1c156be2 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.taggings
    ADD CONSTRAINT fk_rails_7bcc20b6bd FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT fk_rails_fc3f0aa7ee FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT fk_rails_fcac4b5335 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.team_memberships
    ADD CONSTRAINT fk_rails_512de419f7 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.team_memberships
    ADD CONSTRAINT fk_rails_b174c68417 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT fk_rails_a877ed466f FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT fk_rails_54ff418fd2 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.time_entries
    ADD CONSTRAINT fk_rails_0282d890c3 FOREIGN KEY (issue_id) REFERENCES public.issues(id);

ALTER TABLE ONLY public.time_entries
    ADD CONSTRAINT fk_rails_d1cf8460b1 FOREIGN KEY (user_id) REFERENCES public.users(id);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT fk_rails_54787353ef FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.watchers
    ADD CONSTRAINT fk_rails_0416accfad FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.webhook_endpoints
    ADD CONSTRAINT fk_rails_c814e8d403 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.widgets
    ADD CONSTRAINT fk_rails_2413260572 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.widgets
    ADD CONSTRAINT fk_rails_b5c4549452 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.wiki_page_versions
    ADD CONSTRAINT fk_rails_1fdc0a7df3 FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.wiki_pages
    ADD CONSTRAINT fk_rails_1d4e9569be FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.workflow_transitions
    ADD CONSTRAINT fk_rails_c7e6cc12bb FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.workflow_transitions
    ADD CONSTRAINT fk_rails_b084722f04 FOREIGN KEY (project_id) REFERENCES public.projects(id);

ALTER TABLE ONLY public.workflows
    ADD CONSTRAINT fk_rails_8bf01b08f6 FOREIGN KEY (account_id) REFERENCES public.accounts(id);


--
-- PostgreSQL database dump complete
--

SET search_path TO "$user", public;

INSERT INTO "schema_migrations" (version) VALUES
('20240105101500'),
('20240212090000'),
('20240301120000'),
('20240415083000'),
('20240520161000'),
('20240611094500');

INSERT INTO public.ar_internal_metadata VALUES ('environment', 'production', '2024-01-05 10:15:00', '2024-01-05 10:15:00');
INSERT INTO public.accounts (id, name, subdomain, created_at, updated_at) VALUES (1, 'Acme', 'acme', now(), now()), (2, 'Globex', 'globex', now(), now());
INSERT INTO public.users (id, account_id, email, name, created_at, updated_at) VALUES (1, 1, 'ann@acme.test', 'Ann', now(), now()), (2, 1, 'bob@acme.test', 'Bob', now(), now()), (3, 2, 'cy@globex.test', 'Cy', now(), now());
INSERT INTO public.projects (id, account_id, owner_id, name, key, created_at, updated_at) VALUES (1, 1, 1, 'Website', 'WEB', now(), now());
INSERT INTO public.issues (id, project_id, author_id, assignee_id, number, title, priority, created_at, updated_at) VALUES (1, 1, 1, 2, 1, 'Fix login', 3, now(), now()), (2, 1, 2, NULL, 2, 'Dark mode', 1, now(), now());
INSERT INTO public.labels (id, project_id, name, created_at, updated_at) VALUES (1, 1, 'bug', now(), now());
INSERT INTO public.issue_labels (id, issue_id, label_id, created_at, updated_at) VALUES (1, 1, 1, now(), now());
INSERT INTO public.comments (id, commentable_type, commentable_id, user_id, body, created_at, updated_at) VALUES (1, 'Issue', 1, 2, 'On it.', now(), now());
INSERT INTO public.memberships (id, project_id, user_id, created_at, updated_at) VALUES (1, 1, 1, now(), now()), (2, 1, 2, now(), now());
INSERT INTO public.time_entries (id, issue_id, user_id, spent_on, minutes, created_at, updated_at) VALUES (1, 1, 2, '2024-06-01', 90, now(), now());
SELECT setval('public.accounts_id_seq', 2), setval('public.users_id_seq', 3), setval('public.issues_id_seq', 2);
