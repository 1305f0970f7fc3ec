import Foundation
import Logging
import PostgresNIO
import Shared

/// `create_chat_session`: one open session per user and platform. The partial unique index
/// decides between opening one (201) and returning the open one with its `user_data` merged
/// (200); the user's profile is created if missing, with name and phone from `user_data`.
enum CreateChatSession {
    static func cacheName(platform: String) -> String { "session:" + platform }

    /// The cached open session, when asking again would change nothing (no new user data).
    static func cached(_ arguments: JSONValue, context: ToolContext) async -> ToolOutcome? {
        guard let user = arguments["user_id"]?.stringValue, let platform = arguments["platform"]?.stringValue,
            arguments["user_data"]?.object?.isEmpty ?? true, arguments["channel_id"] == nil
        else { return nil }
        guard let generation = try? await context.cache.generation(of: user),
            let text = try? await context.cache.get(user, generation: generation, name: cacheName(platform: platform)),
            let session = try? JSONValue.parse(Array(text.utf8))
        else { return nil }
        return ToolOutcome(status: 200, body: session)
    }

    static func run(_ arguments: JSONValue, on connection: PostgresConnection, logger: Logger) async throws -> ToolOutcome {
        let user = arguments["user_id"]?.stringValue ?? ""
        let platform = arguments["platform"]?.stringValue ?? "unknown"
        let channel = arguments["channel_id"]?.stringValue
        let userData = arguments["user_data"] ?? [:]
        let name = userData["name"]?.stringValue
        let phone = userData["phone"]?.stringValue.flatMap { PhoneNumber.e164($0) }
        try await connection.query(
            """
            INSERT INTO user_profiles (user_id, name, phone) VALUES (\(user), \(name), \(phone))
            ON CONFLICT (user_id) DO UPDATE SET
                name = COALESCE(user_profiles.name, EXCLUDED.name),
                phone = COALESCE(user_profiles.phone, EXCLUDED.phone),
                updated_at = now()
            WHERE (user_profiles.name IS NULL AND EXCLUDED.name IS NOT NULL)
               OR (user_profiles.phone IS NULL AND EXCLUDED.phone IS NOT NULL)
            """,
            logger: logger
        )
        let newID = UUID.random().lowercasedString
        let rows = try await connection.query(
            """
            INSERT INTO chat_sessions (session_id, user_id, platform, channel_id, user_data, status)
            VALUES (\(newID), \(user), \(platform), \(channel), \(userData.jsonText)::jsonb, 'active')
            ON CONFLICT (user_id, platform) WHERE status = 'active' DO UPDATE SET
                user_data = chat_sessions.user_data || EXCLUDED.user_data,
                channel_id = COALESCE(EXCLUDED.channel_id, chat_sessions.channel_id),
                updated_at = now(),
                last_activity_at = now()
            RETURNING \(unescaped: SessionRow.columns), (xmax = 0) AS inserted
            """,
            logger: logger
        )
        for try await (sessionID, userID, platform, channelID, data, status, created, updated, last, inserted)
            in rows.decode((String, String, String, String?, String, String, Date, Date, Date, Bool).self)
        {
            let session = SessionRow(columns: (sessionID, userID, platform, channelID, data, status, created, updated, last))
            return ToolOutcome(status: inserted ? 201 : 200, body: session.json, changedUsers: [user])
        }
        throw ToolExecutionError("create_chat_session returned no row")
    }
}

struct ToolExecutionError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
