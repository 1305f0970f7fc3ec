import Foundation
import Logging
import PostgresNIO
import Shared

/// Stores webhook messages (`inbound.message`): one transaction per batch that, for each new
/// message, creates the user's profile if missing, finds or opens the user's session on that
/// platform, and inserts the message once. Every write is idempotent: a redelivered message
/// hits the unique (platform, platform_message_id) key and changes nothing, and profile
/// counters move only when the insert actually happened.
public struct InboundMessageHandler: EnvelopeHandler {
    let postgres: PostgresClient

    public init(postgres: PostgresClient) {
        self.postgres = postgres
    }

    public var kinds: [String] { [EnvelopeKind.inboundMessage] }

    public func handle(_ batch: [Envelope], logger: Logger) async throws {
        var seen = Set<String>()
        var messages: [InboundMessage] = []
        for envelope in batch {
            let message = try envelope.decodeBody(InboundMessage.self)
            // The same event twice in one batch (a quick redelivery) is stored once.
            if seen.insert(message.platform + "\u{1F}" + message.platformMessageId).inserted {
                messages.append(message)
            }
        }
        // Older messages first, so a session's activity moves forward in platform time.
        messages.sort { $0.sentAt < $1.sentAt }
        try await postgres.withTransaction(logger: logger) { connection in
            for message in messages {
                try await store(message, on: connection, logger: logger)
            }
        }
    }

    private func store(_ message: InboundMessage, on connection: PostgresConnection, logger: Logger) async throws {
        let name = message.contact?.name
        let phone = message.contact?.phone
        let email = message.contact?.email
        try await connection.query(
            """
            INSERT INTO user_profiles (user_id, name, phone, email)
            VALUES (\(message.userId), \(name), \(phone), \(email))
            ON CONFLICT (user_id) DO UPDATE SET
                name = COALESCE(EXCLUDED.name, user_profiles.name),
                phone = COALESCE(user_profiles.phone, EXCLUDED.phone),
                email = COALESCE(user_profiles.email, EXCLUDED.email),
                updated_at = CASE WHEN EXCLUDED.name IS DISTINCT FROM user_profiles.name AND EXCLUDED.name IS NOT NULL
                                  THEN now() ELSE user_profiles.updated_at END
            """,
            logger: logger
        )
        // The partial unique index makes "one open session per user and platform" a fact of
        // the database: a concurrent insert for the same user lands on the existing row.
        let newSessionID = UUID().uuidString.lowercased()
        let sessionRows = try await connection.query(
            """
            INSERT INTO chat_sessions (session_id, user_id, platform, channel_id, status, created_at, updated_at, last_activity_at)
            VALUES (\(newSessionID), \(message.userId), \(message.platform), \(message.channelId), 'active', now(), now(), \(message.sentAt))
            ON CONFLICT (user_id, platform) WHERE status = 'active' DO UPDATE SET
                last_activity_at = GREATEST(chat_sessions.last_activity_at, EXCLUDED.last_activity_at),
                channel_id = COALESCE(chat_sessions.channel_id, EXCLUDED.channel_id),
                updated_at = now()
            RETURNING session_id
            """,
            logger: logger
        )
        var sessionID = newSessionID
        for try await id in sessionRows.decode(String.self) { sessionID = id }

        let inserted = try await connection.query(
            """
            INSERT INTO messages (platform, platform_message_id, channel_id, user_id, session_id, role, direction, type, text, sent_at)
            VALUES (\(message.platform), \(message.platformMessageId), \(message.channelId), \(message.userId), \(sessionID),
                    \(message.role), \(message.direction), \(message.type), \(message.text), \(message.sentAt))
            ON CONFLICT (platform, platform_message_id) DO NOTHING
            RETURNING id
            """,
            logger: logger
        )
        var isNew = false
        for try await _ in inserted.decode(Int64.self) { isNew = true }
        guard isNew else { return }

        try await connection.query(
            """
            UPDATE user_profiles SET interaction_stats = interaction_stats || jsonb_build_object(
                'total_messages', COALESCE((interaction_stats->>'total_messages')::bigint, 0) + 1,
                'last_interaction', GREATEST(COALESCE(interaction_stats->>'last_interaction', ''), \(RFC3339.formatPrecise(message.sentAt))::text)
            )
            WHERE user_id = \(message.userId)
            """,
            logger: logger
        )
    }
}
