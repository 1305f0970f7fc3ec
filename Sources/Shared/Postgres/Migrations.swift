/// The schema of ARCHITECTURE.md, as numbered migrations. Names of tables and columns there
/// are relied on by every issue: add columns, never rename.
public enum Migrations {
    public static let all: [Migration] = [initialSchema, brazilianEssentials, timeIndexes]

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
}
