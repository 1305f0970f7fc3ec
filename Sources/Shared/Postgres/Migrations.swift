/// The schema of ARCHITECTURE.md, as numbered migrations. Names of tables and columns there
/// are relied on by every issue: add columns, never rename.
public enum Migrations {
    public static let all: [Migration] = [initialSchema, brazilianEssentials, timeIndexes, analyticsRollups, analyticsPeakHours, updatesInPlace]

    static let initialSchema = Migration(
        version: 1,
        name: "initial_schema",
        statements: [
            """
            CREATE TABLE chat_sessions (
                id bigserial PRIMARY KEY,
                session_id text NOT NULL UNIQUE,
                user_id text NOT NULL,
                platform text NOT NULL DEFAULT 'unknown',
                channel_id text,
                user_data jsonb NOT NULL DEFAULT '{}'::jsonb,
                status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'closed')),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                last_activity_at timestamptz NOT NULL DEFAULT now(),
                closed_at timestamptz
            )
            """,
            // At most one open session per user and platform: a race between two workers
            // cannot open two, whatever the code above it does.
            "CREATE UNIQUE INDEX chat_sessions_one_open ON chat_sessions (user_id, platform) WHERE status = 'active'",
            "CREATE INDEX chat_sessions_user ON chat_sessions (user_id, last_activity_at DESC)",
            "CREATE INDEX chat_sessions_idle ON chat_sessions (last_activity_at) WHERE status = 'active'",
            """
            CREATE TABLE messages (
                id bigserial PRIMARY KEY,
                platform text NOT NULL,
                platform_message_id text NOT NULL,
                channel_id text,
                user_id text NOT NULL,
                session_id text,
                conversation_id text,
                role text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'assistant', 'agent', 'system')),
                direction text NOT NULL DEFAULT 'in' CHECK (direction IN ('in', 'out')),
                type text NOT NULL DEFAULT 'text',
                text text,
                sentiment text,
                sentiment_score double precision,
                intent text,
                intent_confidence double precision,
                language text,
                topics text[],
                delivery_status text CHECK (delivery_status IN ('sent', 'delivered', 'read', 'failed')),
                sent_at timestamptz NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (platform, platform_message_id)
            )
            """,
            "CREATE INDEX messages_user_time ON messages (user_id, sent_at)",
            "CREATE INDEX messages_session ON messages (session_id)",
            "CREATE INDEX messages_conversation ON messages (conversation_id)",
            """
            CREATE TABLE conversations (
                id bigserial PRIMARY KEY,
                conversation_id text NOT NULL UNIQUE,
                session_id text,
                user_id text NOT NULL,
                platform text NOT NULL DEFAULT 'unknown',
                channel_id text,
                messages jsonb NOT NULL DEFAULT '[]'::jsonb,
                intent_analysis jsonb NOT NULL DEFAULT '{}'::jsonb,
                metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
                started_at timestamptz,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX conversations_user_started ON conversations (user_id, started_at DESC)",
            "CREATE INDEX conversations_started ON conversations (started_at)",
            """
            CREATE TABLE user_profiles (
                id bigserial PRIMARY KEY,
                user_id text NOT NULL UNIQUE,
                name text,
                phone text,
                email text,
                preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
                interaction_stats jsonb NOT NULL DEFAULT '{}'::jsonb,
                tags text[] NOT NULL DEFAULT '{}',
                notes text,
                attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE pending_statuses (
                platform text NOT NULL,
                platform_message_id text NOT NULL,
                status text NOT NULL CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
                at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL,
                PRIMARY KEY (platform, platform_message_id, status)
            )
            """,
            "CREATE INDEX pending_statuses_expiry ON pending_statuses (expires_at)",
            """
            CREATE TABLE idempotency_keys (
                call_id uuid PRIMARY KEY,
                subject text NOT NULL,
                tool text NOT NULL,
                status integer NOT NULL,
                body jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)",
        ]
    )

    /// LGPD audit, API keys, opt-out state.
    static let brazilianEssentials = Migration(
        version: 2,
        name: "brazilian_essentials",
        statements: [
            "ALTER TABLE user_profiles ADD COLUMN opted_out boolean NOT NULL DEFAULT false",
            "ALTER TABLE user_profiles ADD COLUMN opted_out_at timestamptz",
            // The platform time of the message that last changed opted_out, so that an older
            // message processed later cannot undo a newer one.
            "ALTER TABLE user_profiles ADD COLUMN opt_changed_at timestamptz",
            """
            CREATE TABLE audit_log (
                id bigserial PRIMARY KEY,
                at timestamptz NOT NULL DEFAULT now(),
                actor text NOT NULL,
                action text NOT NULL,
                target_ref text,
                details jsonb NOT NULL DEFAULT '{}'::jsonb
            )
            """,
            "CREATE INDEX audit_log_at ON audit_log (at)",
            """
            CREATE TABLE api_keys (
                id uuid PRIMARY KEY,
                name text NOT NULL,
                scopes text[] NOT NULL,
                key_hash text NOT NULL UNIQUE,
                prefix text NOT NULL,
                created_by text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                revoked_at timestamptz
            )
            """,
            "CREATE INDEX messages_retention ON messages (sent_at) WHERE text IS NOT NULL",
        ]
    )

    /// Time-range questions over all users (the dashboard, analytics) read these instead of
    /// scanning the tables.
    static let timeIndexes = Migration(
        version: 3,
        name: "time_indexes",
        statements: [
            "CREATE INDEX messages_sent_at ON messages (sent_at)",
            "CREATE INDEX messages_received_at ON messages (received_at)",
            "CREATE INDEX conversations_created ON conversations (created_at)",
        ]
    )

    /// Hourly rollups of conversations and webhook messages (ARCHITECTURE.md decision 10).
    /// Buckets are hours of the analytics time zone (`analytics_state.time_zone`), so local
    /// days and peak hours are whole buckets; conversations without `started_at` sit in the
    /// `-infinity` bucket. Triggers record every changed hour in `analytics_dirty` inside the
    /// writing transaction, so no change can escape the background recomputation, and the
    /// recomputation deletes the marks it handled in its own transaction. Unique users per
    /// local day are bitmaps (bytea, user n is bit n % 8 of byte n / 8) over dense user numbers,
    /// so a range's distinct count is an OR.
    static let analyticsRollups = Migration(
        version: 4,
        name: "analytics_rollups",
        statements: [
            """
            CREATE TABLE analytics_hourly (
                hour timestamptz NOT NULL,
                platform text NOT NULL,
                channel_id text NOT NULL,
                conversations int8 NOT NULL DEFAULT 0,
                saved int8 NOT NULL DEFAULT 0,
                completed int8 NOT NULL DEFAULT 0,
                message_count_n int8 NOT NULL DEFAULT 0,
                message_count_sum float8 NOT NULL DEFAULT 0,
                duration_n int8 NOT NULL DEFAULT 0,
                duration_sum float8 NOT NULL DEFAULT 0,
                first_response_n int8 NOT NULL DEFAULT 0,
                first_response_sum float8 NOT NULL DEFAULT 0,
                response_n int8 NOT NULL DEFAULT 0,
                response_sum float8 NOT NULL DEFAULT 0,
                webhook_messages int8 NOT NULL DEFAULT 0,
                intents jsonb NOT NULL DEFAULT '{}'::jsonb,
                sentiments jsonb NOT NULL DEFAULT '{}'::jsonb,
                topics jsonb NOT NULL DEFAULT '{}'::jsonb,
                PRIMARY KEY (hour, platform, channel_id)
            )
            """,
            // The same sums per local day, from the day's hours, so long ranges read one row
            // per day rather than 24.
            "CREATE TABLE analytics_daily (LIKE analytics_hourly INCLUDING DEFAULTS)",
            "ALTER TABLE analytics_daily DROP COLUMN hour, ADD COLUMN day date NOT NULL",
            "ALTER TABLE analytics_daily ADD PRIMARY KEY (day, platform, channel_id)",
            """
            CREATE TABLE analytics_daily_users (
                day date NOT NULL,
                platform text NOT NULL,
                channel_id text NOT NULL,
                users bytea NOT NULL,
                PRIMARY KEY (day, platform, channel_id)
            )
            """,
            "CREATE TABLE analytics_user_numbers (user_id text PRIMARY KEY, number int4 GENERATED ALWAYS AS IDENTITY (MINVALUE 0 START WITH 0) UNIQUE)",
            "CREATE TABLE analytics_dirty (id bigserial PRIMARY KEY, hour timestamptz NOT NULL)",
            "CREATE INDEX analytics_dirty_hour ON analytics_dirty (hour)",
            "CREATE TABLE analytics_state (key text PRIMARY KEY, value text NOT NULL)",
            "INSERT INTO analytics_state (key, value) VALUES ('time_zone', 'UTC')",
            """
            CREATE FUNCTION analytics_bucket(ts timestamptz) RETURNS timestamptz LANGUAGE sql STABLE AS $$
                SELECT CASE WHEN ts IS NULL THEN '-infinity'::timestamptz
                            ELSE date_trunc('hour', ts, (SELECT value FROM analytics_state WHERE key = 'time_zone')) END
            $$
            """,
            """
            CREATE FUNCTION analytics_mark_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO analytics_dirty (hour) SELECT DISTINCT analytics_bucket(started_at) FROM new_rows;
                END IF;
                IF TG_OP IN ('DELETE', 'UPDATE') THEN
                    INSERT INTO analytics_dirty (hour) SELECT DISTINCT analytics_bucket(started_at) FROM old_rows;
                END IF;
                RETURN NULL;
            END
            $$
            """,
            "CREATE TRIGGER conversations_analytics_insert AFTER INSERT ON conversations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_conversations()",
            "CREATE TRIGGER conversations_analytics_update AFTER UPDATE ON conversations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_conversations()",
            "CREATE TRIGGER conversations_analytics_delete AFTER DELETE ON conversations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_conversations()",
            // Webhook messages (the error rate's denominator): their hour, platform and
            // channel never change, so inserts and deletes are what move the counts.
            """
            CREATE FUNCTION analytics_mark_messages() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO analytics_dirty (hour) SELECT DISTINCT analytics_bucket(sent_at) FROM new_rows
                        WHERE conversation_id IS NULL OR conversation_id LIKE 'session:%';
                ELSE
                    INSERT INTO analytics_dirty (hour) SELECT DISTINCT analytics_bucket(sent_at) FROM old_rows
                        WHERE conversation_id IS NULL OR conversation_id LIKE 'session:%';
                END IF;
                RETURN NULL;
            END
            $$
            """,
            "CREATE TRIGGER messages_analytics_insert AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_messages()",
            "CREATE TRIGGER messages_analytics_delete AFTER DELETE ON messages REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_messages()",
            // History from before this migration is rolled up by the first recomputation.
            "INSERT INTO analytics_dirty (hour) SELECT DISTINCT analytics_bucket(started_at) FROM conversations",
            "INSERT INTO analytics_dirty (hour) SELECT DISTINCT analytics_bucket(sent_at) FROM messages",
        ]
    )

    /// Peak hours of whole days from the daily rows (a local hour-of-day histogram, so a long
    /// range no longer reads every hourly row), and dense user numbers again: the numbering
    /// of migration 4 consumed an identity value for every user already numbered each time a
    /// day was recomputed, so bitmaps grew with the history's rewrites rather than with its
    /// users. Both are rebuilt by the next recomputation; readers use the raw tables for the
    /// hours marked here until then. And a TRUNCATE of the raw tables now reaches the rollups.
    static let analyticsPeakHours = Migration(
        version: 5,
        name: "analytics_peak_hours",
        statements: [
            "ALTER TABLE analytics_daily ADD COLUMN hours jsonb NOT NULL DEFAULT '{}'::jsonb",
            "TRUNCATE analytics_daily, analytics_daily_users",
            "TRUNCATE analytics_user_numbers RESTART IDENTITY",
            "INSERT INTO analytics_dirty (hour) SELECT DISTINCT hour FROM analytics_hourly",
            // TRUNCATE fires no row or statement triggers of migration 4, so the rollups of a
            // wiped table would stay: every rolled hour becomes dirty instead.
            """
            CREATE FUNCTION analytics_mark_all() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO analytics_dirty (hour) SELECT DISTINCT hour FROM analytics_hourly;
                RETURN NULL;
            END
            $$
            """,
            "CREATE TRIGGER conversations_analytics_truncate AFTER TRUNCATE ON conversations FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_all()",
            "CREATE TRIGGER messages_analytics_truncate AFTER TRUNCATE ON messages FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_all()",
        ]
    )

    /// Room on every page for updated rows: the session and profile rows that each inbound
    /// batch updates are then rewritten on their own page with no new index entries (HOT),
    /// since the updates change no indexed column (a session's `last_activity_at` moves at
    /// most once a minute, see `InboundMessageHandler`). Pages written before this keep
    /// their fill until rewritten.
    static let updatesInPlace = Migration(
        version: 6,
        name: "updates_in_place",
        statements: [
            "ALTER TABLE chat_sessions SET (fillfactor = 70)",
            "ALTER TABLE user_profiles SET (fillfactor = 80)",
        ]
    )
}
